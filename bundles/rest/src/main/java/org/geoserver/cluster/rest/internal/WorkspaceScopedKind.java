package org.geoserver.cluster.rest.internal;

import java.util.List;
import java.util.Objects;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogInfo;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/**
 * Types that are global or belong to one workspace (styles, layer groups): listed and named per
 * scope, at /{segment}/{name} or /workspaces/{ws}/{segment}/{name}, named {@code ws:name} elsewhere.
 */
abstract class WorkspaceScopedKind<T extends CatalogInfo> extends Kind<T> {

    protected WorkspaceScopedKind(Catalog catalog, InfoType type, String segment) {
        super(catalog, type, segment);
    }

    /** The id of the object's workspace, null when global. */
    abstract String workspaceOf(T info);

    abstract void setWorkspace(T info, String workspaceId);

    @Override
    final List<T> list(Scope scope) {
        return catalog.list(javaClass()).stream().filter(info -> inScope(info, scope)).toList();
    }

    @Override
    final boolean inScope(T info, Scope scope) {
        return Objects.equals(workspaceOf(info), scope.workspaceId());
    }

    @Override
    final void bind(T info, Scope scope) {
        setWorkspace(info, scope.workspaceId());
    }

    @Override
    final String path(T info) {
        String workspace = workspaceOf(info);
        return (workspace == null ? "" : "/workspaces/" + Links.segment(workspaceName(workspace))) + "/" + segment() + "/" + Links.segment(info.getName());
    }

    @Override
    final String qualifiedName(T info) {
        String workspace = workspaceOf(info);
        return workspace == null ? info.getName() : workspaceName(workspace) + ":" + info.getName();
    }

    private String workspaceName(String workspaceId) {
        WorkspaceInfo workspace = catalog.getById(workspaceId, WorkspaceInfo.class);
        return workspace == null ? workspaceId : workspace.getName();
    }
}
