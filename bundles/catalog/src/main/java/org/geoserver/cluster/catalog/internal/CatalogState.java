package org.geoserver.cluster.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/**
 * The objects of a catalog with their name indexes. Not thread-safe: {@link CatalogImpl} guards it.
 * Index keys depend only on an object's own properties, so an object is re-indexed when it is put.
 */
final class CatalogState {

    /** A unique name within a scope: kind of object, scope id ("" when global), name. */
    record Key(String kind, String scope, String name) {}

    private final Map<String, Info> byId = new HashMap<>();
    private final EnumMap<InfoType, LinkedHashMap<String, Info>> byType = new EnumMap<>(InfoType.class);
    private final Map<Key, String> index = new HashMap<>();

    CatalogState() {
        for (InfoType type : InfoType.values()) {
            byType.put(type, new LinkedHashMap<>());
        }
    }

    Info get(String id) {
        return id == null ? null : byId.get(id);
    }

    <T extends Info> T get(String id, Class<T> type) {
        Info info = get(id);
        return type.isInstance(info) ? type.cast(info) : null;
    }

    String lookup(Key key) {
        return index.get(key);
    }

    <T extends Info> T lookup(Key key, Class<T> type) {
        return get(index.get(key), type);
    }

    Collection<Info> all(InfoType type) {
        return byType.get(type).values();
    }

    /** Every object assignable to the class, in insertion order per type. */
    <T extends Info> List<T> all(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (InfoType candidate : InfoType.values()) {
            if (type.isAssignableFrom(candidate.javaClass())) {
                for (Info info : byType.get(candidate).values()) {
                    result.add(type.cast(info));
                }
            }
        }
        return result;
    }

    int size() {
        return byId.size();
    }

    /** Stores (or replaces) an object; the caller has validated it. */
    void put(Info info) {
        Info old = byId.put(info.getId(), info);
        if (old != null) {
            unindex(old);
            byType.get(old.type()).remove(old.getId());
        }
        byType.get(info.type()).put(info.getId(), info);
        for (Key key : keysOf(info)) {
            index.put(key, info.getId());
        }
    }

    void remove(String id) {
        Info old = byId.remove(id);
        if (old != null) {
            unindex(old);
            byType.get(old.type()).remove(id);
        }
    }

    private void unindex(Info info) {
        for (Key key : keysOf(info)) {
            index.remove(key, info.getId());
        }
    }

    static List<Key> keysOf(Info info) {
        return switch (info.type()) {
            case WORKSPACE -> List.of(new Key("workspace", "", ((WorkspaceInfo) info).getName()));
            // An isolated namespace may share its URI with another one (GeoServer's isolated workspaces): only the others are found by URI.
            case NAMESPACE -> ((NamespaceInfo) info).isIsolated()
                    ? List.of(new Key("namespace", "", ((NamespaceInfo) info).getPrefix()))
                    : List.of(new Key("namespace", "", ((NamespaceInfo) info).getPrefix()), new Key("uri", "", ((NamespaceInfo) info).getURI()));
            case DATASTORE, COVERAGESTORE, WMSSTORE, WMTSSTORE ->
                    List.of(new Key("store", scope(((StoreInfo) info).getWorkspace()), ((StoreInfo) info).getName()));
            case FEATURETYPE, COVERAGE, WMSLAYER, WMTSLAYER ->
                    List.of(new Key("resource", scope(((ResourceInfo) info).getNamespace()), ((ResourceInfo) info).getName()));
            case LAYER -> List.of(new Key("layer", scope(((LayerInfo) info).getResource()), ""));
            case LAYERGROUP -> List.of(new Key("layerGroup", scope(((LayerGroupInfo) info).getWorkspace()), ((LayerGroupInfo) info).getName()));
            case STYLE -> List.of(new Key("style", scope(((StyleInfo) info).getWorkspace()), ((StyleInfo) info).getName()));
            case SETTINGS -> List.of(new Key("settings", scope(((SettingsInfo) info).getWorkspace()), ""));
            case SERVICE -> List.of(new Key("service", scope(((ServiceInfo) info).getWorkspace()), ((ServiceInfo) info).getServiceType()));
            case GLOBAL, LOGGING, DEFAULTS -> List.of();
        };
    }

    static String scope(String id) {
        return id == null ? "" : id;
    }

    CatalogDefaults defaults() {
        return get(CatalogDefaults.ID, CatalogDefaults.class);
    }
}
