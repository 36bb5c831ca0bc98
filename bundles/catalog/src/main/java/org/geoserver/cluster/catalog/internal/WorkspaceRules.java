package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.IN_USE;
import static org.geoserver.cluster.catalog.internal.RuleSupport.require;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireName;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireUnique;

import java.util.List;
import java.util.Objects;
import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.ConfigInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** Workspaces: kept paired with the namespace of the same name, as GeoServer's REST and UI do, and removed with all they hold. */
final class WorkspaceRules implements TypeRules<WorkspaceInfo> {

    private final CatalogRules rules;

    WorkspaceRules(CatalogRules rules) {
        this.rules = rules;
    }

    @Override
    public void validate(CatalogState state, WorkspaceInfo workspace, WorkspaceInfo before) {
        requireName(workspace, workspace.getName());
        require(RuleSupport.WORKSPACE_NAME.matcher(workspace.getName()).matches(), INVALID,
                "workspace name '" + workspace.getName() + "' must not contain spaces, ':', '/' or '\\'");
        require(!"default".equals(workspace.getName()), INVALID, "'default' is reserved and cannot be a workspace name");
        requireUnique(state, workspace, new Key.Workspace(workspace.getName()), "workspace '" + workspace.getName() + "'");
    }

    @Override
    public void added(Transaction tx, WorkspaceInfo workspace) {
        CatalogState state = tx.state();
        if (state.namespace(workspace.getName()) == null) {
            NamespaceInfo namespace = NamespaceInfo.of(workspace.getName(), "http://" + workspace.getName());
            namespace.setId(InfoType.NAMESPACE.newId(namespace));
            rules.validate(state, namespace, null);
            tx.add(namespace);
        }
        if (state.defaults() == null) {
            // The first workspace is the default one.
            CatalogDefaults defaults = new CatalogDefaults();
            defaults.setDefaultWorkspace(workspace.getId());
            tx.add(defaults);
        }
    }

    @Override
    public void saved(Transaction tx, WorkspaceInfo before, WorkspaceInfo after) {
        if (Objects.equals(before.getName(), after.getName())) {
            return;
        }
        NamespaceInfo namespace = tx.state().namespace(before.getName());
        if (namespace != null) {
            NamespaceInfo renamed = Info.copyOf(namespace);
            renamed.setPrefix(after.getName());
            rules.validate(tx.state(), renamed, namespace);
            tx.modify(namespace, renamed);
        }
    }

    @Override
    public void remove(Transaction tx, WorkspaceInfo workspace, boolean recursive) {
        CatalogState state = tx.state();
        List<StoreInfo> stores = state.referrers(new Referrers.StoresOf(workspace.getId()), StoreInfo.class);
        List<StyleInfo> styles = state.referrers(new Referrers.StylesIn(workspace.getId()), StyleInfo.class);
        List<LayerGroupInfo> groups = state.referrers(new Referrers.GroupsIn(workspace.getId()), LayerGroupInfo.class);
        if (!recursive && !(stores.isEmpty() && styles.isEmpty() && groups.isEmpty())) {
            throw new CatalogException(IN_USE, "workspace '" + workspace.getName() + "' is not empty (" + stores.size() + " stores, "
                    + styles.size() + " styles, " + groups.size() + " layer groups): remove it recursively");
        }
        // Groups first: one may contain another of the list, removed with it.
        for (LayerGroupInfo group : groups) {
            if (state.get(group.getId()) != null) {
                rules.removeDependent(tx, state.get(group.getId(), LayerGroupInfo.class), true);
            }
        }
        for (StoreInfo store : stores) {
            rules.removeDependent(tx, store, true);
        }
        for (StyleInfo style : styles) {
            rules.removeDependent(tx, state.get(style.getId(), StyleInfo.class), true);
        }
        for (ConfigInfo config : state.referrers(new Referrers.ConfigsIn(workspace.getId()), ConfigInfo.class)) {
            tx.remove(config);
        }
        NamespaceInfo namespace = state.namespace(workspace.getName());
        if (namespace != null) {
            require(!state.hasReferrers(new Referrers.ResourcesOfNamespace(namespace.getId())), IN_USE,
                    "namespace '" + namespace.getPrefix() + "' still has resources");
            tx.remove(namespace);
        }
        tx.remove(workspace);
        CatalogDefaults defaults = state.defaults();
        if (defaults != null && workspace.getId().equals(defaults.getDefaultWorkspace())) {
            // GeoServer picks the first remaining workspace.
            CatalogDefaults replaced = Info.copyOf(defaults);
            List<WorkspaceInfo> remaining = state.all(WorkspaceInfo.class);
            replaced.setDefaultWorkspace(remaining.isEmpty() ? null : remaining.get(0).getId());
            tx.modify(defaults, replaced);
        }
    }

    @Override
    public boolean inUse(CatalogState state, WorkspaceInfo workspace) {
        return state.hasReferrers(new Referrers.StoresOf(workspace.getId())) || state.hasReferrers(new Referrers.StylesIn(workspace.getId()))
                || state.hasReferrers(new Referrers.GroupsIn(workspace.getId()));
    }
}
