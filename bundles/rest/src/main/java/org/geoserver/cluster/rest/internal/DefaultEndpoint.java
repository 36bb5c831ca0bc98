package org.geoserver.cluster.rest.internal;

import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/**
 * /workspaces/default and /namespaces/default: GET shows the default, PUT with a body naming
 * another one makes that the default. Workspace and namespace are one pair, so both change together.
 */
final class DefaultEndpoint implements Endpoint {

    private final Catalog catalog;
    private final References references;
    private final Kind<?> kind;

    /** @param kind the workspace or the namespace kind */
    DefaultEndpoint(Catalog catalog, References references, Kind<?> kind) {
        this.catalog = catalog;
        this.references = references;
        this.kind = kind;
    }

    @Override
    public Reply handle(RestRequest request) {
        switch (request.method()) {
            case "GET" -> {
                Info current = kind.type() == InfoType.NAMESPACE ? catalog.getDefaultNamespace() : catalog.getDefaultWorkspace();
                if (current == null) {
                    throw RestException.notFound("No default " + kind.label() + ": the catalog has no workspaces");
                }
                return Reply.of(references.render(current, request.links()), request.format());
            }
            case "PUT" -> {
                String name = request.bodyTree(kind.element()).childText(kind.nameElement());
                if (name == null || name.isBlank()) {
                    throw RestException.badRequest("the <" + kind.element() + "> names no " + kind.label() + ": give its <" + kind.nameElement() + ">");
                }
                WorkspaceInfo workspace = catalog.getWorkspaceByName(name.trim());
                if (workspace == null) {
                    throw RestException.noSuch(kind.label(), name.trim(), "");
                }
                catalog.setDefaultWorkspace(workspace);
                return Reply.ok();
            }
            default -> throw RestException.methodNotAllowed(request.method(), request.path());
        }
    }
}
