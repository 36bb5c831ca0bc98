package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.internal.RuleSupport.require;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireRef;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireUnique;

import java.util.Objects;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;

/** Layers: one per resource and named as it, with existing styles, taken out of the groups holding them when removed. */
final class LayerRules implements TypeRules<LayerInfo> {

    private final CatalogRules rules;
    private final LayerGroupRules groups;

    LayerRules(CatalogRules rules, LayerGroupRules groups) {
        this.rules = rules;
        this.groups = groups;
    }

    /** Fills in what a new layer takes from its resource: name, type. */
    @Override
    public void complete(CatalogState state, LayerInfo layer) {
        ResourceInfo resource = state.get(layer.getResource(), ResourceInfo.class);
        if (resource == null) {
            return;
        }
        if (layer.getName() == null) {
            layer.setName(resource.getName());
        }
        if (layer.getLayerType() == null) {
            layer.setLayerType(resource.layerType());
        }
    }

    @Override
    public void validate(CatalogState state, LayerInfo layer, LayerInfo before) {
        ResourceInfo resource = requireRef(state, layer.getResource(), ResourceInfo.class, "resource of layer '" + layer.getName() + "'");
        // A saved layer may be renamed: its resource follows (see saved).
        require(Objects.equals(layer.getName(), resource.getName()) || before != null, INVALID,
                "layer '" + layer.getName() + "' must have the name of its resource '" + resource.getName() + "'");
        requireUnique(state, layer, new Key.LayerOf(resource.getId()), "a layer for resource '" + resource.getName() + "'");
        if (layer.getDefaultStyle() != null) {
            requireRef(state, layer.getDefaultStyle(), StyleInfo.class, "default style of layer '" + layer.getName() + "'");
        }
        for (String style : layer.getStyles()) {
            requireRef(state, style, StyleInfo.class, "style of layer '" + layer.getName() + "'");
        }
    }

    @Override
    public void saved(Transaction tx, LayerInfo before, LayerInfo after) {
        ResourceInfo resource = tx.state().get(after.getResource(), ResourceInfo.class);
        if (resource != null && !Objects.equals(after.getName(), resource.getName())) {
            ResourceInfo renamed = Info.copyOf(resource);
            renamed.setName(after.getName());
            rules.validate(tx.state(), renamed, resource);
            tx.modify(resource, renamed);
        }
    }

    @Override
    public void remove(Transaction tx, LayerInfo layer, boolean recursive) {
        groups.removeMember(tx, Published.layer(layer.getId()), "layer '" + layer.getName() + "'", recursive);
        tx.remove(layer);
    }

    @Override
    public boolean inUse(CatalogState state, LayerInfo layer) {
        return state.hasReferrers(new Referrers.GroupsContaining(layer.getId()));
    }
}
