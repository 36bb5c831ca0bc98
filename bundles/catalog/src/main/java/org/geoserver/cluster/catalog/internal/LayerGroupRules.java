package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.IN_USE;
import static org.geoserver.cluster.catalog.internal.RuleSupport.inWorkspace;
import static org.geoserver.cluster.catalog.internal.RuleSupport.require;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireName;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireRef;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireUnique;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** Layer groups: existing members and styles, no cycles, and a group left without members goes. */
final class LayerGroupRules implements TypeRules<LayerGroupInfo> {

    @Override
    public void validate(CatalogState state, LayerGroupInfo group, LayerGroupInfo before) {
        requireName(group, group.getName());
        String scope = group.getWorkspace();
        if (scope != null) {
            requireRef(state, scope, WorkspaceInfo.class, "workspace of layer group '" + group.getName() + "'");
        }
        requireUnique(state, group, new Key.LayerGroup(scope, group.getName()), "layer group '" + group.getName() + "'" + inWorkspace(state, scope));
        List<Published> members = group.getPublishables();
        // An earth observation group may have its root layer alone.
        require(!members.isEmpty() || "EO".equals(group.getMode()), INVALID, "layer group '" + group.getName() + "' has no layers");
        for (Published member : members) {
            Class<? extends CatalogInfo> type = member.isGroup() ? LayerGroupInfo.class : LayerInfo.class;
            requireRef(state, member.id(), type, (member.isGroup() ? "layer group" : "layer") + " in layer group '" + group.getName() + "'");
        }
        List<String> styles = group.getStyles();
        require(styles.isEmpty() || styles.size() == members.size(), INVALID,
                "layer group '" + group.getName() + "' has " + members.size() + " layers but " + styles.size() + " styles");
        for (String style : styles) {
            if (style != null) {
                requireRef(state, style, StyleInfo.class, "style in layer group '" + group.getName() + "'");
            }
        }
        requireNoCycle(state, group, group.getId(), new HashSet<>());
    }

    private static void requireNoCycle(CatalogState state, LayerGroupInfo group, String root, Set<String> seen) {
        for (Published member : group.getPublishables()) {
            if (!member.isGroup()) {
                continue;
            }
            require(!member.id().equals(root), INVALID, "layer group '" + group.getName() + "' would contain itself");
            if (seen.add(member.id())) {
                LayerGroupInfo nested = state.get(member.id(), LayerGroupInfo.class);
                if (nested != null) {
                    requireNoCycle(state, nested, root, seen);
                }
            }
        }
    }

    @Override
    public void remove(Transaction tx, LayerGroupInfo group, boolean recursive) {
        removeMember(tx, Published.group(group.getId()), "layer group '" + group.getName() + "'", recursive);
        tx.remove(group);
    }

    /** Takes a member out of every group holding it; a group left empty is removed too. */
    void removeMember(Transaction tx, Published member, String what, boolean recursive) {
        List<LayerGroupInfo> containing = tx.state().referrers(new Referrers.GroupsContaining(member.id()), LayerGroupInfo.class);
        if (!recursive && !containing.isEmpty()) {
            throw new CatalogException(IN_USE, what + " is in layer group '" + containing.get(0).getName() + "': remove it recursively");
        }
        for (LayerGroupInfo group : containing) {
            List<Published> members = new ArrayList<>(group.getPublishables());
            List<String> styles = new ArrayList<>(group.getStyles());
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).id().equals(member.id())) {
                    members.remove(i);
                    if (i < styles.size()) {
                        styles.remove(i); // styles pair with members by position
                    }
                }
            }
            if (members.isEmpty()) {
                remove(tx, group, true);
            } else {
                LayerGroupInfo updated = Info.copyOf(group);
                updated.setPublishables(members);
                if (!group.getStyles().isEmpty()) {
                    updated.setStyles(styles);
                }
                tx.modify(group, updated);
            }
        }
    }

    @Override
    public boolean inUse(CatalogState state, LayerGroupInfo group) {
        return state.hasReferrers(new Referrers.GroupsContaining(group.getId()));
    }
}
