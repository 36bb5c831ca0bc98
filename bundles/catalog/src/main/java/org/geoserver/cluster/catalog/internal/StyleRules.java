package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.IN_USE;
import static org.geoserver.cluster.catalog.internal.RuleSupport.inWorkspace;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireName;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireRef;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireUnique;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** Styles: unique within their workspace or globally, GeoServer's default ones kept, and dropped from their users when removed. */
final class StyleRules implements TypeRules<StyleInfo> {

    /** Styles GeoServer creates in every data directory and will not delete. */
    static final Set<String> DEFAULT_STYLES = Set.of("point", "line", "polygon", "raster", "generic");

    @Override
    public void validate(CatalogState state, StyleInfo style, StyleInfo before) {
        requireName(style, style.getName());
        String scope = style.getWorkspace();
        if (scope != null) {
            requireRef(state, scope, WorkspaceInfo.class, "workspace of style '" + style.getName() + "'");
        }
        requireUnique(state, style, new Key.Style(scope, style.getName()), "style '" + style.getName() + "'" + inWorkspace(state, scope));
    }

    @Override
    public void remove(Transaction tx, StyleInfo style, boolean recursive) {
        CatalogState state = tx.state();
        if (style.getWorkspace() == null && DEFAULT_STYLES.contains(style.getName())) {
            throw new CatalogException(IN_USE, "style '" + style.getName() + "' is one of GeoServer's default styles and cannot be removed");
        }
        List<LayerInfo> layers = state.referrers(new Referrers.LayersUsingStyle(style.getId()), LayerInfo.class);
        List<LayerGroupInfo> groups = state.referrers(new Referrers.GroupsUsingStyle(style.getId()), LayerGroupInfo.class);
        if (!recursive && !(layers.isEmpty() && groups.isEmpty())) {
            String user = layers.isEmpty() ? "layer group '" + groups.get(0).getName() + "'" : "layer '" + layers.get(0).getName() + "'";
            throw new CatalogException(IN_USE, "style '" + style.getName() + "' is used by " + user + ": remove it recursively");
        }
        for (LayerInfo layer : layers) {
            LayerInfo updated = Info.copyOf(layer);
            List<String> styles = new ArrayList<>(layer.getStyles());
            styles.remove(style.getId());
            updated.setStyles(styles);
            if (style.getId().equals(layer.getDefaultStyle())) {
                // A layer always has a default style: GeoServer's own for its kind of data.
                StyleInfo fallback = state.lookup(new Key.Style(null, "RASTER".equals(layer.getLayerType()) ? "raster" : "generic"), StyleInfo.class);
                updated.setDefaultStyle(fallback == null ? null : fallback.getId());
            }
            tx.modify(layer, updated);
        }
        for (LayerGroupInfo group : groups) {
            LayerGroupInfo updated = Info.copyOf(group);
            List<String> styles = new ArrayList<>(group.getStyles());
            styles.replaceAll(id -> style.getId().equals(id) ? null : id); // null: the member's default style
            updated.setStyles(styles);
            tx.modify(group, updated);
        }
        tx.remove(style);
    }
}
