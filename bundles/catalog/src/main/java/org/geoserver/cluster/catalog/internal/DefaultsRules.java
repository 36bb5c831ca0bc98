package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.internal.RuleSupport.requireRef;

import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** The catalog defaults: the default workspace, when set, exists. */
final class DefaultsRules implements TypeRules<CatalogDefaults> {

    @Override
    public void validate(CatalogState state, CatalogDefaults defaults, CatalogDefaults before) {
        if (defaults.getDefaultWorkspace() != null) {
            requireRef(state, defaults.getDefaultWorkspace(), WorkspaceInfo.class, "default workspace");
        }
    }
}
