package org.geoserver.cluster.rest.internal;

import java.util.List;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** /namespaces: kept 1:1 with workspaces, so creating a namespace creates the workspace of the same name. */
final class NamespaceKind extends Kind<NamespaceInfo> {

    NamespaceKind(Catalog catalog) {
        super(catalog, InfoType.NAMESPACE, "namespaces");
    }

    @Override
    String label() {
        return "namespace";
    }

    @Override
    String nameElement() {
        return "prefix";
    }

    @Override
    List<NamespaceInfo> list(Scope scope) {
        return catalog.list(NamespaceInfo.class);
    }

    @Override
    NamespaceInfo lookup(String workspace, String name) {
        return catalog.getNamespaceByPrefix(name);
    }

    @Override
    boolean inScope(NamespaceInfo info, Scope scope) {
        return true;
    }

    @Override
    boolean isWorkspaceScoped() {
        return false;
    }

    @Override
    String path(NamespaceInfo info) {
        return "/namespaces/" + Links.segment(info.getPrefix());
    }

    /**
     * The namespace goes first so that its URI is validated and kept (a workspace added first would
     * get a generated namespace); the catalog then pairs the new workspace with it.
     */
    @Override
    NamespaceInfo create(NamespaceInfo info, RestRequest request) {
        return Writes.addBoth(catalog, info, added -> WorkspaceInfo.named(added.getPrefix()));
    }
}
