package org.geoserver.cluster.rest.internal;

import java.util.List;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;

/**
 * /layers (names {@code ws:name}) and /workspaces/{ws}/layers. Layers are never posted: they come
 * with their resource. {@code DELETE ?recurse=true} removes the resource too.
 */
final class LayerKind extends Kind<LayerInfo> {

    LayerKind(Catalog catalog) {
        super(catalog, InfoType.LAYER, "layers");
    }

    @Override
    String label() {
        return "layer";
    }

    @Override
    List<LayerInfo> list(Scope scope) {
        List<LayerInfo> all = catalog.list(LayerInfo.class);
        return scope.isGlobal() ? all : all.stream().filter(layer -> inScope(layer, scope)).toList();
    }

    /** A bare name: {@link GeoServerQuirks} 9. */
    @Override
    LayerInfo lookup(String workspace, String name) {
        return catalog.getLayerByName(workspace == null ? name : workspace + ":" + name);
    }

    @Override
    boolean inScope(LayerInfo info, Scope scope) {
        return scope.isGlobal() || scope.workspaceName().equals(workspaceName(info));
    }

    @Override
    String path(LayerInfo info) {
        return "/layers/" + Links.segment(qualifiedName(info));
    }

    @Override
    String qualifiedName(LayerInfo info) {
        return workspaceName(info) + ":" + info.getName();
    }

    @Override
    String listName(LayerInfo info, Scope scope) {
        return scope.isGlobal() ? qualifiedName(info) : info.getName();
    }

    @Override
    boolean isCreatable() {
        return false;
    }

    @Override
    void delete(LayerInfo info, RestRequest request) {
        if (request.flag("recurse")) {
            catalog.removeRecursively(catalog.getById(info.getResource(), ResourceInfo.class));
        } else {
            catalog.remove(info);
        }
    }

    /** A layer is in the workspace of its resource's namespace. */
    private String workspaceName(LayerInfo info) {
        ResourceInfo resource = catalog.getById(info.getResource(), ResourceInfo.class);
        NamespaceInfo namespace = resource == null ? null : catalog.getById(resource.getNamespace(), NamespaceInfo.class);
        return namespace == null ? null : namespace.getPrefix();
    }
}
