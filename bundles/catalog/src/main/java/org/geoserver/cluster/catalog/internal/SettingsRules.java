package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.internal.RuleSupport.inWorkspace;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireRef;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireUnique;

import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** Workspace settings: at most one per existing workspace. */
final class SettingsRules implements TypeRules<SettingsInfo> {

    @Override
    public void validate(CatalogState state, SettingsInfo settings, SettingsInfo before) {
        requireRef(state, settings.getWorkspace(), WorkspaceInfo.class, "workspace of settings " + settings.getId());
        requireUnique(state, settings, new Key.Settings(settings.getWorkspace()), "settings" + inWorkspace(state, settings.getWorkspace()));
    }
}
