package org.geoserver.cluster.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** /workspaces/{ws}/datastores, coveragestores, wmsstores, wmtsstores: one instance per kind of store. */
final class StoreKind<T extends StoreInfo> extends Kind<T> {

    private final String label;
    private final String resourcesProperty;
    private final String resourcesSegment;

    /**
     * @param resourcesProperty the link property naming the store's resources, e.g. "featureTypes"
     * @param resourcesSegment the URL segment of those resources under the store, e.g. "featuretypes"
     */
    StoreKind(Catalog catalog, InfoType type, String segment, String label, String resourcesProperty, String resourcesSegment) {
        super(catalog, type, segment);
        this.label = label;
        this.resourcesProperty = resourcesProperty;
        this.resourcesSegment = resourcesSegment;
    }

    @Override
    String label() {
        return label;
    }

    @Override
    List<T> list(Scope scope) {
        return catalog.getStoresByWorkspace(scope.workspaceId()).stream().filter(this::isInstance).map(this::cast).toList();
    }

    @Override
    T lookup(String workspace, String name) {
        if (workspace == null) {
            return null;
        }
        return catalog.getStoreByName(workspace, name, javaClass());
    }

    @Override
    boolean inScope(T info, Scope scope) {
        return Objects.equals(info.getWorkspace(), scope.workspaceId());
    }

    @Override
    void bind(T info, Scope scope) {
        info.setWorkspace(scope.workspaceId());
    }

    @Override
    String path(T info) {
        return "/workspaces/" + Links.segment(workspaceName(info)) + "/" + segment() + "/" + Links.segment(info.getName());
    }

    @Override
    String qualifiedName(T info) {
        return workspaceName(info) + ":" + info.getName();
    }

    @Override
    Map<String, String> links(T info) {
        return Map.of(resourcesProperty, path(info) + "/" + resourcesSegment);
    }

    private String workspaceName(StoreInfo info) {
        WorkspaceInfo workspace = catalog.getById(info.getWorkspace(), WorkspaceInfo.class);
        return workspace == null ? info.getWorkspace() : workspace.getName();
    }
}
