package org.geoserver.cluster.rest.internal;

import java.util.ArrayList;
import java.util.List;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogInfo;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * The REST side of every catalog type: a collection (GET list, POST create) or one object (GET,
 * PUT partial update, DELETE) of the {@link Kind} it serves.
 */
final class CatalogEndpoint<T extends CatalogInfo> implements Endpoint {

    private final Catalog catalog;
    private final References references;
    private final Kind<T> kind;
    private final boolean item;
    /** The kind's file side, or null when its objects have no file. */
    private final FileKind<T> files;

    /** @param item true for /…/{name}, false for the collection */
    @SuppressWarnings("unchecked")
    CatalogEndpoint(Catalog catalog, References references, Kind<T> kind, boolean item) {
        this.catalog = catalog;
        this.references = references;
        this.kind = kind;
        this.item = item;
        // A FileKind is one for the type it serves as a Kind (StyleKind: both of StyleInfo).
        this.files = kind instanceof FileKind<?> fileKind ? (FileKind<T>) fileKind : null;
    }

    @Override
    public Reply handle(RestRequest request) {
        String method = request.method();
        if (!item) {
            return switch (method) {
                case "GET" -> list(request);
                case "POST" -> create(request);
                default -> throw RestException.methodNotAllowed(method, request.path());
            };
        }
        if (!method.equals("GET") && !method.equals("PUT") && !method.equals("DELETE")) {
            throw RestException.methodNotAllowed(method, request.path());
        }
        T found = kind.find(request.scope(), request.var("name"));
        if (found == null) {
            throw RestException.noSuch(kind.label(), request.var("name"), where(request.scope()));
        }
        return switch (method) {
            case "GET" -> read(found, request);
            case "PUT" -> update(found, request);
            default -> delete(found, request);
        };
    }

    private Reply list(RestRequest request) {
        if (kind.listsUnpublished(request)) {
            return Reply.of(XmlElement.of("list"), request.format());
        }
        Links links = request.links();
        XmlElement list = XmlElement.of(kind.listElement());
        List<XmlElement> items = new ArrayList<>();
        for (T info : kind.list(request.scope())) {
            String name = kind.listName(info, request.scope());
            items.add(links.reference(XmlElement.of(kind.element()), name, request.path() + "/" + Links.segment(name)));
        }
        return Reply.of(list.withChildren(items), request.format());
    }

    private Reply read(T found, RestRequest request) {
        if (request.format() == Format.SLD) {
            if (files == null) {
                throw RestException.badRequest("a " + kind.label() + " has no " + Format.SLD.suffix() + " representation: ask for xml or json");
            }
            return files.readFile(found, request);
        }
        return Reply.of(references.render(found, request.links()), request.format());
    }

    private Reply create(RestRequest request) {
        if (!kind.isCreatable()) {
            throw RestException.methodNotAllowed(request.method(), request.path());
        }
        Scope scope = request.scope();
        T created;
        if (files != null && files.isFileBody(request)) {
            created = files.createFromFile(scope, request);
        } else {
            T info = kind.cast(kind.type().wrap(body(request, scope)));
            if (info.getName() == null || info.getName().isBlank()) {
                throw RestException.badRequest("the <" + kind.element() + "> has no <" + kind.nameElement() + ">");
            }
            kind.bind(info, scope);
            created = kind.create(info, request);
        }
        String name = kind.listName(created, scope);
        return Reply.created(request.links().url(request.path() + "/" + Links.segment(name)), created.getName());
    }

    private Reply update(T found, RestRequest request) {
        if (files != null && files.isFileBody(request)) {
            files.updateFromFile(found, request);
            return Reply.ok();
        }
        T updated = kind.cast(kind.type().wrap(Merge.merge(found.xml(), body(request, request.scope()))));
        if (!kind.inScope(updated, request.scope())) {
            throw RestException.forbidden("cannot move " + kind.label() + " '" + found.getName() + "' out of " + request.path().substring(0, request.path().lastIndexOf('/'))
                    + ": the URL names its parents");
        }
        catalog.save(updated);
        return Reply.ok();
    }

    private Reply delete(T found, RestRequest request) {
        kind.delete(found, request);
        return Reply.ok();
    }

    /** A body with its references as ids; ids of the object itself are not the client's to choose. */
    private XmlElement body(RestRequest request, Scope scope) {
        XmlElement body = kind.prepare(request.bodyTree(kind.element()).withChild("id", null));
        return references.resolve(body, kind.type(), scope.workspace());
    }

    private static String where(Scope scope) {
        if (scope.store() != null) {
            return " in store '" + scope.store().getName() + "' of workspace '" + scope.workspaceName() + "'";
        }
        return scope.isGlobal() ? "" : " in workspace '" + scope.workspaceName() + "'";
    }
}
