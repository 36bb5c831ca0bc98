package org.geoserver.cluster.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ConfigInfo;
import org.geoserver.cluster.catalog.api.CoverageInfo;
import org.geoserver.cluster.catalog.api.CoverageStoreInfo;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WMSLayerInfo;
import org.geoserver.cluster.catalog.api.WMSStoreInfo;
import org.geoserver.cluster.catalog.api.WMTSLayerInfo;
import org.geoserver.cluster.catalog.api.WMTSStoreInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.junit.jupiter.api.Test;

/**
 * A seeded random run of adds, saves, removes (cascading or not, local or literal) and rollbacks,
 * after each of which every index of the state equals what a scan of the whole catalog finds. Run
 * again with {@code -Dcatalog.index.seed=<seed>} to repeat a failure.
 */
class CatalogStateIndexTest {

    private static final int STEPS = 800;
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f", "g", "h");

    private final CatalogRules rules = new CatalogRules(Clock.systemUTC());
    private final CatalogState state = new SnapshotLoader(rules).load(List.of()).state();
    private Random random;

    @Test
    void reverseIndexesEqualAScanAfterEveryChangeAndRollback() {
        long seed = Long.getLong("catalog.index.seed", System.nanoTime());
        System.out.println("seed " + seed);
        random = new Random(seed);
        int applied = 0;
        int rolledBack = 0;
        for (int step = 0; step < STEPS; step++) {
            Change change = randomChange();
            if (change == null) {
                continue;
            }
            Map<String, Info> before = snapshot();
            Transaction tx = new Transaction(state, change);
            boolean undo = random.nextInt(4) == 0;
            try {
                if (change.operation() != Change.Operation.REMOVE) {
                    tx.present(change.info(), change.operation() == Change.Operation.ADD);
                }
                switch (change.operation()) {
                    case ADD -> rules.add(tx, change.info());
                    case SAVE -> rules.save(tx, change.info());
                    case REMOVE -> rules.remove(tx, change.info(), change.recursive());
                }
            } catch (CatalogException e) {
                undo = true;
            }
            if (undo) {
                tx.rollback();
                rolledBack++;
                assertEquals(before, snapshot(), "seed " + seed + ", step " + step + ": the rollback of " + change.operation() + " " + change.info());
            } else {
                applied++;
            }
            assertIndexesMatchAScan(state, "seed " + seed + ", step " + step + " (" + change.operation() + " " + change.info() + ")");
        }
        assertTrue(applied > STEPS / 10 && rolledBack > STEPS / 10, "seed " + seed + ": applied " + applied + ", rolled back " + rolledBack);
        // A state built whole, as a data directory or a peer's snapshot is loaded, is indexed as it is built.
        assertIndexesMatchAScan(new SnapshotLoader(rules).load(state.all(Info.class)).state(), "seed " + seed + ", the catalog loaded again");
    }

    // ---- the check

    private static void assertIndexesMatchAScan(CatalogState state, String where) {
        // One pass over the whole catalog, in its order, noting what each object refers to.
        Map<Referrers, Set<String>> expected = new HashMap<>();
        scan(state, expected, StoreInfo.class, s -> List.of(new Referrers.StoresOf(s.getWorkspace())));
        scan(state, expected, ResourceInfo.class, r -> List.of(new Referrers.ResourcesOfStore(r.getStore()), new Referrers.ResourcesOfNamespace(r.getNamespace())));
        scan(state, expected, LayerInfo.class, l -> {
            List<Referrers> entries = new ArrayList<>(List.of(new Referrers.LayersUsingStyle(l.getDefaultStyle())));
            l.getStyles().forEach(style -> entries.add(new Referrers.LayersUsingStyle(style)));
            return entries;
        });
        scan(state, expected, LayerGroupInfo.class, g -> {
            List<Referrers> entries = new ArrayList<>(List.of(new Referrers.GroupsIn(g.getWorkspace()), new Referrers.GroupsUsingStyle(g.getRootLayerStyle())));
            g.getPublishables().forEach(member -> entries.add(new Referrers.GroupsContaining(member.id())));
            g.getStyles().forEach(style -> entries.add(new Referrers.GroupsUsingStyle(style)));
            return entries;
        });
        scan(state, expected, StyleInfo.class, s -> List.of(new Referrers.StylesIn(s.getWorkspace())));
        scan(state, expected, ConfigInfo.class, c -> List.of(new Referrers.ConfigsIn(c.getWorkspace())));

        assertEquals(expected.keySet(), state.referrers().keySet(), where + ": reverse index entries");
        expected.forEach((entry, scanned) -> assertEquals(List.copyOf(scanned), idsOf(state.referrers(entry, Info.class)), where + ": " + entry + ", in scan order"));

        Map<Key, String> keys = new HashMap<>();
        for (Info info : state.all(Info.class)) {
            for (Key key : Key.of(info)) {
                assertEquals(info.getId(), state.lookup(key), where + ": " + key);
                keys.put(key, info.getId());
            }
        }
        assertEquals(keys, state.keys(), where + ": name index");
    }

    private static <T extends Info> void scan(CatalogState state, Map<Referrers, Set<String>> expected, Class<T> type, Function<T, List<Referrers>> refersTo) {
        for (T info : state.all(type)) {
            for (Referrers entry : refersTo.apply(info)) {
                if (entry.id() != null) { // refers to nothing
                    expected.computeIfAbsent(entry, e -> new LinkedHashSet<>()).add(info.getId());
                }
            }
        }
    }

    private static List<String> idsOf(List<? extends Info> infos) {
        return infos.stream().map(Info::getId).toList();
    }

    private Map<String, Info> snapshot() {
        Map<String, Info> copy = new HashMap<>();
        state.all(Info.class).forEach(info -> copy.put(info.getId(), info));
        return copy;
    }

    // ---- random changes, most of them valid, some refused

    private Change randomChange() {
        int kind = random.nextInt(100);
        Change change;
        if (kind < 55) {
            change = randomAdd();
        } else if (kind < 85) {
            change = randomSave();
        } else {
            Info victim = any(Info.class);
            if (victim instanceof WorkspaceInfo || victim instanceof NamespaceInfo) {
                victim = any(Info.class); // less often: their removal empties much of the catalog
            }
            change = random.nextBoolean() ? Change.removeRecursively(victim) : Change.remove(victim);
        }
        // Now and then as if it came from another node: applied literally, nothing derived.
        return change != null && random.nextInt(8) == 0 ? change.from("node-b") : change;
    }

    private Change randomAdd() {
        switch (random.nextInt(10)) {
            case 0 -> {
                return Change.add(WorkspaceInfo.named(name()));
            }
            case 1 -> {
                NamespaceInfo namespace = NamespaceInfo.of(name(), "http://" + name());
                return Change.add(namespace);
            }
            case 2 -> {
                StoreInfo store = List.<java.util.function.Supplier<StoreInfo>>of(DataStoreInfo::new, CoverageStoreInfo::new, WMSStoreInfo::new, WMTSStoreInfo::new)
                        .get(random.nextInt(4)).get();
                store.setName(name());
                store.setWorkspace(idOf(WorkspaceInfo.class));
                store.setDefault(random.nextBoolean());
                return Change.add(store);
            }
            case 3 -> {
                StoreInfo store = any(StoreInfo.class);
                if (store == null) {
                    return null;
                }
                Map<Class<?>, Function<StoreInfo, ResourceInfo>> kinds = Map.of(
                        DataStoreInfo.class, s -> new FeatureTypeInfo(), CoverageStoreInfo.class, s -> new CoverageInfo(),
                        WMSStoreInfo.class, s -> new WMSLayerInfo(), WMTSStoreInfo.class, s -> new WMTSLayerInfo());
                ResourceInfo resource = kinds.get(store.getClass()).apply(store);
                resource.setName(name());
                resource.setStore(store);
                WorkspaceInfo workspace = state.get(store.getWorkspace(), WorkspaceInfo.class);
                NamespaceInfo namespace = random.nextInt(6) == 0 ? any(NamespaceInfo.class) : state.namespace(workspace.getName());
                resource.setNamespace(namespace == null ? null : namespace.getId());
                return Change.add(resource);
            }
            case 4 -> {
                ResourceInfo resource = any(ResourceInfo.class);
                if (resource == null) {
                    return null;
                }
                LayerInfo layer = LayerInfo.publishing(resource);
                styleLayer(layer);
                return Change.add(layer);
            }
            case 5 -> {
                StyleInfo style = new StyleInfo();
                style.setName(random.nextInt(5) == 0 ? "generic" : name());
                style.setFilename(style.getName() + ".sld");
                if (random.nextBoolean()) {
                    style.setWorkspace(idOf(WorkspaceInfo.class));
                }
                return Change.add(style);
            }
            case 6, 7 -> {
                LayerGroupInfo group = new LayerGroupInfo();
                group.setName(name());
                if (random.nextBoolean()) {
                    group.setWorkspace(idOf(WorkspaceInfo.class));
                }
                fillGroup(group);
                return Change.add(group);
            }
            case 8 -> {
                SettingsInfo settings = new SettingsInfo();
                WorkspaceInfo workspace = any(WorkspaceInfo.class);
                if (workspace == null) {
                    return null;
                }
                settings.setWorkspace(workspace);
                return Change.add(settings);
            }
            default -> {
                ServiceInfo service = ServiceInfo.of(random.nextBoolean() ? "wms" : "wfs");
                service.setWorkspace(idOf(WorkspaceInfo.class));
                return Change.add(service);
            }
        }
    }

    private Change randomSave() {
        Info info = any(Info.class);
        if (info == null) {
            return null;
        }
        Info changed = Info.copyOf(info);
        if (changed instanceof WorkspaceInfo workspace) {
            workspace.setName(name());
        } else if (changed instanceof NamespaceInfo namespace) {
            namespace.setPrefix(name());
        } else if (changed instanceof StoreInfo store) {
            if (random.nextBoolean()) {
                store.setWorkspace(idOf(WorkspaceInfo.class)); // moves its resources along
            }
            store.setDefault(random.nextBoolean());
        } else if (changed instanceof ResourceInfo resource) {
            resource.setName(name()); // renames its layer
        } else if (changed instanceof LayerInfo layer) {
            if (random.nextBoolean()) {
                layer.setName(name()); // renames its resource
            }
            styleLayer(layer);
        } else if (changed instanceof LayerGroupInfo group) {
            fillGroup(group);
        } else if (changed instanceof StyleInfo style) {
            style.setWorkspace(random.nextBoolean() ? null : idOf(WorkspaceInfo.class));
        } else if (changed instanceof ServiceInfo service) {
            service.setTitle(name());
        } else if (changed instanceof SettingsInfo settings) {
            settings.setTitle(name());
        } else {
            return null;
        }
        return Change.save(changed);
    }

    private void styleLayer(LayerInfo layer) {
        layer.setDefaultStyle(idOf(StyleInfo.class));
        List<String> styles = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String style = idOf(StyleInfo.class);
            if (style != null && !styles.contains(style)) {
                styles.add(style);
            }
        }
        layer.setStyles(styles);
    }

    private void fillGroup(LayerGroupInfo group) {
        List<Published> members = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            Published member = random.nextInt(3) == 0 ? Published.group(idOf(LayerGroupInfo.class)) : Published.layer(idOf(LayerInfo.class));
            if (member.id() != null) {
                members.add(member);
                styles.add(random.nextBoolean() ? null : idOf(StyleInfo.class));
            }
        }
        group.setPublishables(members);
        if (random.nextBoolean()) {
            group.setStyles(styles);
        }
        String rootStyle = random.nextInt(3) == 0 ? idOf(StyleInfo.class) : null;
        group.setXml(group.xml().withChild("rootLayerStyle", rootStyle == null ? null : XmlElement.of("rootLayerStyle", List.of(XmlElement.text("id", rootStyle)))));
    }

    private String name() {
        return NAMES.get(random.nextInt(NAMES.size()));
    }

    private <T extends Info> T any(Class<T> type) {
        List<T> all = state.all(type);
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }

    private String idOf(Class<? extends Info> type) {
        Info info = any(type);
        return info == null ? null : info.getId();
    }
}
