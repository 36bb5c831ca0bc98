package org.geoserver.cluster.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/**
 * The objects of a catalog with their name indexes ({@link Key}) and reverse indexes ({@link
 * Referrers}). Not thread-safe: {@link CatalogImpl} guards it. Index entries depend only on an
 * object's own properties, so every index follows {@link #put} and {@link #remove}, and with them
 * a {@link Transaction}'s rollback and a state built by {@link SnapshotLoader}.
 */
final class CatalogState {

    private final Map<String, Info> byId = new HashMap<>();
    private final EnumMap<InfoType, LinkedHashMap<String, Info>> byType = new EnumMap<>(InfoType.class);
    private final Map<Key, String> index = new HashMap<>();
    /** Ids in the order they were last put, as {@link #byType} keeps them, so a reverse index lists what a scan would. */
    private final Map<Referrers, LinkedHashSet<String>> referrers = new HashMap<>();

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

    WorkspaceInfo workspace(String name) {
        return lookup(new Key.Workspace(name), WorkspaceInfo.class);
    }

    NamespaceInfo namespace(String prefix) {
        return lookup(new Key.Namespace(prefix), NamespaceInfo.class);
    }

    /** The objects of a reverse index, in the order of {@link #all(Class)}: by type, then as last put. */
    <T extends Info> List<T> referrers(Referrers entry, Class<T> type) {
        Set<String> ids = referrers.get(entry);
        if (ids == null) {
            return new ArrayList<>();
        }
        List<T> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            found.add(type.cast(byId.get(id)));
        }
        found.sort(Comparator.comparingInt(info -> info.type().ordinal())); // stable: keeps the put order within a type
        return found;
    }

    boolean hasReferrers(Referrers entry) {
        return referrers.containsKey(entry);
    }

    /** The name index, for checking it against a scan. */
    Map<Key, String> keys() {
        return Map.copyOf(index);
    }

    /** Every reverse index entry with its ids, for checking the indexes against a scan. */
    Map<Referrers, Set<String>> referrers() {
        Map<Referrers, Set<String>> copy = new HashMap<>();
        referrers.forEach((entry, ids) -> copy.put(entry, Set.copyOf(ids)));
        return copy;
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
        for (Key key : Key.of(info)) {
            index.put(key, info.getId());
        }
        for (Referrers entry : Referrers.of(info)) {
            referrers.computeIfAbsent(entry, e -> new LinkedHashSet<>()).add(info.getId());
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
        for (Key key : Key.of(info)) {
            index.remove(key, info.getId());
        }
        for (Referrers entry : Referrers.of(info)) {
            Set<String> ids = referrers.get(entry);
            if (ids != null && ids.remove(info.getId()) && ids.isEmpty()) {
                referrers.remove(entry); // no empty entries: hasReferrers is a key test
            }
        }
    }

    CatalogDefaults defaults() {
        return get(CatalogDefaults.ID, CatalogDefaults.class);
    }
}
