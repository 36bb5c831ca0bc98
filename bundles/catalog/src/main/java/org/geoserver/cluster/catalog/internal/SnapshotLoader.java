package org.geoserver.cluster.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.GeoServerInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.LoggingInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.types.GeoServerTypes;
import org.geoserver.cluster.catalog.types.References;

/**
 * Builds a whole catalog state from a set of objects (a data directory, a snapshot from a peer),
 * tolerantly: an object that fails validation is left out and reported, a dangling style or group
 * member reference is dropped and reported, and the rest loads.
 */
final class SnapshotLoader {

    record Result(CatalogState state, List<String> problems) {}

    /** Dependencies first; groups last, in as many passes as nesting needs. */
    private static final List<InfoType> ORDER = List.of(
            InfoType.WORKSPACE, InfoType.NAMESPACE,
            InfoType.DATASTORE, InfoType.COVERAGESTORE, InfoType.WMSSTORE, InfoType.WMTSSTORE,
            InfoType.STYLE,
            InfoType.FEATURETYPE, InfoType.COVERAGE, InfoType.WMSLAYER, InfoType.WMTSLAYER,
            InfoType.LAYER,
            InfoType.SETTINGS, InfoType.SERVICE, InfoType.GLOBAL, InfoType.LOGGING, InfoType.DEFAULTS);

    private final CatalogRules rules;

    /** Position of a type in dependency order: what an object refers to comes before it. */
    static int rank(InfoType type) {
        int index = ORDER.indexOf(type);
        return index >= 0 ? index : ORDER.indexOf(InfoType.LAYER) + 1; // layer groups, after the layers they contain
    }

    SnapshotLoader(CatalogRules rules) {
        this.rules = rules;
    }

    Result load(Collection<? extends Info> contents) {
        Map<InfoType, List<Info>> byType = new EnumMap<>(InfoType.class);
        Map<String, String> elements = new HashMap<>();
        for (Info info : contents) {
            if (info.getId() != null) {
                elements.putIfAbsent(info.getId(), info.xml().name());
            }
        }
        References references = elements::get;
        for (Info info : contents) {
            Info copy = info.copy();
            // Every object as GeoServer presents it once read: older forms upgraded, defaults filled in.
            copy.setXml(GeoServerTypes.present(copy.xml(), references));
            byType.computeIfAbsent(info.type(), t -> new ArrayList<>()).add(copy);
        }
        CatalogState state = new CatalogState();
        List<String> problems = new ArrayList<>();
        for (InfoType type : ORDER) {
            for (Info info : byType.getOrDefault(type, List.of())) {
                if (info instanceof LayerInfo layer) {
                    dropMissingStyles(state, layer, problems);
                }
                put(state, info, problems);
            }
        }
        loadGroups(state, byType.getOrDefault(InfoType.LAYERGROUP, List.of()), problems);
        if (state.get(GeoServerInfo.ID) == null) {
            state.put(new GeoServerInfo(GeoServerTypes.present(new GeoServerInfo().xml(), References.NONE)));
        }
        if (state.get(LoggingInfo.ID) == null) {
            state.put(new LoggingInfo(GeoServerTypes.present(new LoggingInfo().xml(), References.NONE)));
        }
        CatalogDefaults defaults = state.defaults();
        if ((defaults == null || state.get(defaults.getDefaultWorkspace()) == null) && !state.all(WorkspaceInfo.class).isEmpty()) {
            // GeoServer picks the first workspace when none is the default.
            CatalogDefaults first = new CatalogDefaults();
            first.setDefaultWorkspace(state.all(WorkspaceInfo.class).get(0).getId());
            state.put(first);
        }
        return new Result(state, problems);
    }

    private void put(CatalogState state, Info info, List<String> problems) {
        if (info.getId() == null) {
            problems.add(info.type() + " without id: " + info.xml());
            return;
        }
        if (state.get(info.getId()) != null) {
            problems.add(info + ": another object has the same id");
            return;
        }
        try {
            rules.validate(state, info, null);
            state.put(info);
        } catch (CatalogException e) {
            problems.add(info + ": " + e.getMessage());
        }
    }

    private static void dropMissingStyles(CatalogState state, LayerInfo layer, List<String> problems) {
        if (layer.getDefaultStyle() != null && state.get(layer.getDefaultStyle(), StyleInfo.class) == null) {
            problems.add(layer + ": default style " + layer.getDefaultStyle() + " does not exist, dropped");
            layer.setDefaultStyle(null);
        }
        List<String> styles = new ArrayList<>(layer.getStyles());
        if (styles.removeIf(id -> state.get(id, StyleInfo.class) == null)) {
            problems.add(layer + ": missing alternative styles dropped");
            layer.setStyles(styles);
        }
    }

    /** Groups may contain groups: add those whose members are present until no more can be added. */
    private void loadGroups(CatalogState state, List<Info> groups, List<String> problems) {
        List<LayerGroupInfo> pending = new ArrayList<>();
        groups.forEach(g -> pending.add((LayerGroupInfo) g));
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                LayerGroupInfo group = it.next();
                boolean waiting = group.getPublishables().stream()
                        .anyMatch(p -> p.isGroup() && state.get(p.id()) == null && pending.stream().anyMatch(g -> g.getId().equals(p.id())));
                if (!waiting) {
                    dropMissingMembers(state, group, problems);
                    put(state, group, problems);
                    it.remove();
                    progress = true;
                }
            }
        }
        for (LayerGroupInfo group : pending) {
            problems.add(group + ": its nested groups form a cycle");
        }
    }

    private static void dropMissingMembers(CatalogState state, LayerGroupInfo group, List<String> problems) {
        List<Published> members = new ArrayList<>(group.getPublishables());
        List<String> styles = new ArrayList<>(group.getStyles());
        boolean changed = false;
        for (int i = members.size() - 1; i >= 0; i--) {
            Info member = state.get(members.get(i).id());
            if (member == null) {
                problems.add(group + ": member " + members.get(i).id() + " does not exist, dropped");
                members.remove(i);
                if (i < styles.size()) {
                    styles.remove(i);
                }
                changed = true;
            }
        }
        for (int i = 0; i < styles.size(); i++) {
            if (styles.get(i) != null && state.get(styles.get(i), StyleInfo.class) == null) {
                problems.add(group + ": style " + styles.get(i) + " does not exist, the member's default style is used");
                styles.set(i, null);
                changed = true;
            }
        }
        if (changed) {
            group.setPublishables(members);
            if (!group.getStyles().isEmpty()) {
                group.setStyles(styles);
            }
        }
    }
}
