package org.geoserver.cluster.catalog.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.geoserver.cluster.catalog.api.ConfigInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;

/**
 * The objects referring to one id in one way, as one reverse index of {@link CatalogState}: the
 * rules find what a change affects without scanning the catalog.
 */
sealed interface Referrers {

    String id();

    record StoresOf(String id) implements Referrers {}

    record ResourcesOfStore(String id) implements Referrers {}

    record ResourcesOfNamespace(String id) implements Referrers {}

    /** Layers with the style as default or alternative style. */
    record LayersUsingStyle(String id) implements Referrers {}

    /** Groups with the layer or group as a member. */
    record GroupsContaining(String id) implements Referrers {}

    /** Groups with the style as a member's style or as the root layer style. */
    record GroupsUsingStyle(String id) implements Referrers {}

    record StylesIn(String id) implements Referrers {}

    record GroupsIn(String id) implements Referrers {}

    /** Configuration objects of a workspace: its settings and services. */
    record ConfigsIn(String id) implements Referrers {}

    /** The reverse index entries an object is in; they depend only on its own properties. */
    static Set<Referrers> of(Info info) {
        Set<Referrers> entries = new LinkedHashSet<>();
        if (info instanceof StoreInfo store) {
            entries.add(new StoresOf(store.getWorkspace()));
        } else if (info instanceof ResourceInfo resource) {
            entries.add(new ResourcesOfStore(resource.getStore()));
            entries.add(new ResourcesOfNamespace(resource.getNamespace()));
        } else if (info instanceof LayerInfo layer) {
            entries.add(new LayersUsingStyle(layer.getDefaultStyle()));
            layer.getStyles().forEach(style -> entries.add(new LayersUsingStyle(style)));
        } else if (info instanceof LayerGroupInfo group) {
            entries.add(new GroupsIn(group.getWorkspace()));
            for (Published member : group.getPublishables()) {
                entries.add(new GroupsContaining(member.id()));
            }
            group.getStyles().forEach(style -> entries.add(new GroupsUsingStyle(style)));
            entries.add(new GroupsUsingStyle(group.getRootLayerStyle()));
        } else if (info instanceof StyleInfo style) {
            entries.add(new StylesIn(style.getWorkspace()));
        } else if (info instanceof ConfigInfo config) {
            entries.add(new ConfigsIn(config.getWorkspace()));
        }
        // A missing reference refers to nothing.
        entries.removeIf(entry -> entry.id() == null);
        return entries;
    }
}
