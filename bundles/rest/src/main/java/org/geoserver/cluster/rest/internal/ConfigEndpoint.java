package org.geoserver.cluster.rest.internal;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * A configuration object at a fixed path: global settings, contact, logging, workspace settings,
 * service settings. GET shows it, PUT merges a partial body into it (creating it where it may be
 * missing), POST creates a missing one, DELETE removes an optional one.
 */
final class ConfigEndpoint implements Endpoint {

    /**
     * What one path serves.
     *
     * @param label names it in messages, from the request ("settings of workspace 'sf'")
     * @param element the root element of its representation and of request bodies
     * @param load the stored object, or null when there is none
     * @param blank a new empty object for a PUT or POST when none is stored; null function when it always exists
     * @param bind points an object at the URL's workspace (the URL wins over the body); null for global ones
     * @param within the path of the part served inside the object (settings/contact), empty for all of it
     * @param shown what a GET shows of the representation
     * @param accepted what a PUT or POST takes of a request body
     */
    record Target(
            Function<RestRequest, String> label,
            Function<RestRequest, String> element,
            Function<RestRequest, Info> load,
            Function<RestRequest, Info> blank,
            BiConsumer<Info, RestRequest> bind,
            List<String> within,
            UnaryOperator<XmlElement> shown,
            UnaryOperator<XmlElement> accepted) {

        /** A target shown as stored and taking the whole body. */
        Target(Function<RestRequest, String> label, Function<RestRequest, String> element, Function<RestRequest, Info> load,
                Function<RestRequest, Info> blank, BiConsumer<Info, RestRequest> bind, List<String> within) {
            this(label, element, load, blank, bind, within, UnaryOperator.identity(), UnaryOperator.identity());
        }

        boolean optional() {
            return blank != null;
        }
    }

    private final Catalog catalog;
    private final References references;
    private final Target target;

    ConfigEndpoint(Catalog catalog, References references, Target target) {
        this.catalog = catalog;
        this.references = references;
        this.target = target;
    }

    @Override
    public Reply handle(RestRequest request) {
        Info stored = target.load().apply(request);
        return switch (request.method()) {
            case "GET" -> {
                if (stored == null) {
                    throw RestException.notFound("No " + target.label().apply(request));
                }
                yield Reply.of(target.shown().apply(view(stored, request)), request.format());
            }
            case "PUT" -> {
                if (stored == null && !target.optional()) {
                    throw RestException.notFound("No " + target.label().apply(request));
                }
                write(stored, request);
                yield Reply.ok();
            }
            case "POST" -> {
                if (!target.optional()) {
                    throw RestException.methodNotAllowed(request.method(), request.path());
                }
                if (stored != null) {
                    throw new RestException(HttpServletResponse.SC_CONFLICT, "The " + target.label().apply(request) + " already exist: PUT to change them");
                }
                write(null, request);
                yield Reply.created(request.links().url(request.path()), target.element().apply(request));
            }
            case "DELETE" -> {
                if (!target.optional() || isGlobal(request)) {
                    throw RestException.methodNotAllowed(request.method(), request.path());
                }
                if (stored == null) {
                    throw RestException.notFound("No " + target.label().apply(request));
                }
                catalog.remove(stored);
                yield Reply.ok();
            }
            default -> throw RestException.methodNotAllowed(request.method(), request.path());
        };
    }

    /** The global one of an optional kind (the global WMS) always stays. */
    private static boolean isGlobal(RestRequest request) {
        return request.scope().isGlobal();
    }

    private XmlElement view(Info stored, RestRequest request) {
        if (target.within().isEmpty()) {
            return references.render(stored, request.links());
        }
        XmlElement part = stored.xml().path(target.within().toArray(String[]::new));
        return part == null ? XmlElement.of(target.element().apply(request)) : part;
    }

    private void write(Info stored, RestRequest request) {
        Info base = stored != null ? stored : target.blank().apply(request);
        XmlElement patch = target.accepted().apply(request.bodyTree(target.element().apply(request)).withChild("id", null));
        patch = references.resolve(patch, base.type(), request.scope().workspace());
        Info updated = InfoType.of(base).wrap(mergeWithin(base.xml(), target.within(), patch));
        if (target.bind() != null) {
            target.bind().accept(updated, request);
        }
        if (stored != null) {
            catalog.save(updated);
        } else {
            catalog.add(updated);
        }
    }

    private static XmlElement mergeWithin(XmlElement element, List<String> within, XmlElement patch) {
        if (within.isEmpty()) {
            return Merge.merge(element, patch);
        }
        String step = within.get(0);
        XmlElement child = element.child(step);
        return element.withChild(step, mergeWithin(child == null ? XmlElement.of(step) : child, within.subList(1, within.size()), patch));
    }
}
