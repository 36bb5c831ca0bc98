package org.geoserver.cluster.rest.internal;

import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/**
 * The parents a URL names before the object: none ({@code /styles}), a workspace
 * ({@code /workspaces/sf/styles}) or a workspace and a store ({@code /workspaces/sf/datastores/sf/featuretypes}).
 */
record Scope(WorkspaceInfo workspace, StoreInfo store) {

    static final Scope GLOBAL = new Scope(null, null);

    boolean isGlobal() {
        return workspace == null;
    }

    String workspaceName() {
        return workspace == null ? null : workspace.getName();
    }

    String workspaceId() {
        return workspace == null ? null : workspace.getId();
    }
}
