package org.geoserver.cluster.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** /workspaces: creating one also creates its namespace (the catalog pairs them); {@code ?default=true} makes it the default. */
final class WorkspaceKind extends Kind<WorkspaceInfo> {

    WorkspaceKind(Catalog catalog) {
        super(catalog, InfoType.WORKSPACE, "workspaces");
    }

    @Override
    String label() {
        return "workspace";
    }

    @Override
    List<WorkspaceInfo> list(Scope scope) {
        return catalog.list(WorkspaceInfo.class);
    }

    @Override
    WorkspaceInfo lookup(String workspace, String name) {
        return catalog.getWorkspaceByName(name);
    }

    @Override
    boolean inScope(WorkspaceInfo info, Scope scope) {
        return true;
    }

    @Override
    boolean isWorkspaceScoped() {
        return false;
    }

    @Override
    String path(WorkspaceInfo info) {
        return "/workspaces/" + Links.segment(info.getName());
    }

    @Override
    Map<String, String> links(WorkspaceInfo info) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("dataStores", path(info) + "/datastores");
        links.put("coverageStores", path(info) + "/coveragestores");
        links.put("wmsStores", path(info) + "/wmsstores");
        links.put("wmtsStores", path(info) + "/wmtsstores");
        return links;
    }

    @Override
    WorkspaceInfo create(WorkspaceInfo info, RestRequest request) {
        WorkspaceInfo added = catalog.add(info);
        if (request.flag("default")) {
            catalog.setDefaultWorkspace(added);
        }
        return added;
    }
}
