package org.geoserver.cluster.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogException.Reason;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.ChangeEvent.Kind;
import org.geoserver.cluster.catalog.api.CoverageInfo;
import org.geoserver.cluster.catalog.api.CoverageStoreInfo;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.GeoServerInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.LoggingInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.PropertyChange;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogImplTest {

    private final CatalogImpl catalog = new CatalogImpl(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    private final List<ChangeEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        catalog.addListener(events::add);
    }

    // ---- helpers building a small catalog through the public API

    private WorkspaceInfo workspace(String name) {
        return catalog.add(WorkspaceInfo.named(name));
    }

    private DataStoreInfo dataStore(WorkspaceInfo ws, String name) {
        DataStoreInfo store = new DataStoreInfo();
        store.setName(name);
        store.setWorkspace(ws.getId());
        store.setConnectionParameter("url", "file:data/" + name);
        return catalog.add(store);
    }

    private FeatureTypeInfo featureType(StoreInfo store, String name) {
        FeatureTypeInfo ft = new FeatureTypeInfo();
        ft.setName(name);
        WorkspaceInfo ws = catalog.getById(store.getWorkspace(), WorkspaceInfo.class);
        ft.setNamespace(catalog.getNamespaceByPrefix(ws.getName()).getId());
        ft.setStore(store);
        ft.setSRS("EPSG:4326");
        return catalog.add(ft);
    }

    private StyleInfo style(String name, WorkspaceInfo ws) {
        StyleInfo style = new StyleInfo();
        style.setName(name);
        style.setFilename(name + ".sld");
        if (ws != null) {
            style.setWorkspace(ws.getId());
        }
        return catalog.add(style);
    }

    private LayerInfo layer(ResourceInfo resource, StyleInfo style) {
        LayerInfo layer = LayerInfo.publishing(resource);
        layer.setDefaultStyle(style.getId());
        return catalog.add(layer);
    }

    private LayerGroupInfo group(String name, WorkspaceInfo ws, Published... members) {
        LayerGroupInfo group = new LayerGroupInfo();
        group.setName(name);
        if (ws != null) {
            group.setWorkspace(ws.getId());
        }
        group.setPublishables(List.of(members));
        return catalog.add(group);
    }

    private static CatalogException refused(Reason reason, Runnable change) {
        CatalogException e = assertThrows(CatalogException.class, change::run);
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    // ---- adding

    @Test
    void addingAWorkspacePairsItWithANamespaceAndMakesItTheDefault() {
        WorkspaceInfo topp = workspace("topp");
        assertTrue(topp.getId().startsWith("WorkspaceInfoImpl-"));
        assertEquals("2026-11-28 10:00:00.000 UTC", topp.getDateCreated());
        NamespaceInfo ns = catalog.getNamespaceByPrefix("topp");
        assertEquals("http://topp", ns.getURI());
        assertEquals(topp.getId(), catalog.getDefaultWorkspace().getId());
        assertEquals(ns.getId(), catalog.getDefaultNamespace().getId());
        assertEquals(List.of(Kind.ADD, Kind.ADD, Kind.ADD), events.stream().map(ChangeEvent::kind).toList());
        assertEquals(List.of("workspace", "namespace", "defaults"), events.stream().map(e -> e.info().xml().name()).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(ChangeEvent::sequence).toList());
    }

    /** GeoServer's isolated workspaces: a namespace marked isolated may share another one's URI, in any order, and both can be saved. */
    @Test
    void anIsolatedNamespaceSharesItsUriWithAnother() {
        NamespaceInfo isolated = NamespaceInfo.of("review", "http://shared");
        isolated.setXml(isolated.xml().withChild("isolated", org.geoserver.cluster.catalog.api.XmlElement.text("isolated", "true")));
        catalog.add(isolated);
        NamespaceInfo shared = catalog.add(NamespaceInfo.of("main", "http://shared"));
        assertEquals(shared.getId(), catalog.getNamespaceByURI("http://shared").getId(), "found by URI: the one that is not isolated");
        NamespaceInfo renamed = catalog.getNamespaceByPrefix("review");
        renamed.setPrefix("reviewed");
        catalog.save(renamed);
        catalog.save(catalog.getNamespaceByPrefix("main"));
        assertThrows(CatalogException.class, () -> catalog.add(NamespaceInfo.of("other", "http://shared")), "two that are not isolated still may not");
    }

    @Test
    void everyCatalogTypeCanBeAddedFoundAndAnnounced() {
        WorkspaceInfo ws = workspace("sf");
        DataStoreInfo ds = dataStore(ws, "roads");
        CoverageStoreInfo cs = new CoverageStoreInfo();
        cs.setName("dem");
        cs.setWorkspace(ws.getId());
        cs.setURL("file:data/dem.tif");
        cs = catalog.add(cs);
        WMSStoreInfo wms = new WMSStoreInfo();
        wms.setName("cascade");
        wms.setWorkspace(ws.getId());
        wms = catalog.add(wms);
        WMTSStoreInfo wmts = new WMTSStoreInfo();
        wmts.setName("tiles");
        wmts.setWorkspace(ws.getId());
        wmts = catalog.add(wmts);
        String ns = catalog.getNamespaceByPrefix("sf").getId();
        FeatureTypeInfo ft = featureType(ds, "streams");
        CoverageInfo coverage = new CoverageInfo();
        coverage.setName("sfdem");
        coverage.setNamespace(ns);
        coverage.setStore(cs);
        coverage = catalog.add(coverage);
        WMSLayerInfo wmsLayer = new WMSLayerInfo();
        wmsLayer.setName("states");
        wmsLayer.setNamespace(ns);
        wmsLayer.setStore(wms);
        wmsLayer = catalog.add(wmsLayer);
        WMTSLayerInfo wmtsLayer = new WMTSLayerInfo();
        wmtsLayer.setName("osm");
        wmtsLayer.setNamespace(ns);
        wmtsLayer.setStore(wmts);
        wmtsLayer = catalog.add(wmtsLayer);
        StyleInfo line = style("line", null);
        LayerInfo streams = layer(ft, line);
        LayerInfo dem = layer(coverage, line);
        LayerGroupInfo group = group("base", ws, Published.layer(streams.getId()), Published.layer(dem.getId()));
        LayerGroupInfo outer = group("all", null, Published.group(group.getId()));

        assertEquals("streams", catalog.getLayerByName("sf:streams").getName());
        assertEquals("VECTOR", streams.getLayerType());
        assertEquals("RASTER", dem.getLayerType());
        assertEquals("coverage", dem.xml().child("resource").attribute("class"));
        assertEquals("streams", catalog.getLayerByName("streams").getName(), "bare names look in the default workspace");
        assertEquals(ft.getId(), catalog.getResourceByName("sf", "streams", FeatureTypeInfo.class).getId());
        assertNull(catalog.getResourceByName("sf", "streams", CoverageInfo.class), "type-checked look-up");
        assertEquals(ds.getId(), catalog.getStoreByName("sf", "roads", DataStoreInfo.class).getId());
        assertEquals(4, catalog.getStoresByWorkspace(ws.getId()).size());
        assertEquals(List.of(coverage.getId()), catalog.getResourcesByStore(cs.getId()).stream().map(Info::getId).toList());
        assertEquals(group.getId(), catalog.getLayerGroupByName("sf", "base").getId());
        assertEquals(outer.getId(), catalog.getLayerGroupByName(null, "all").getId());
        assertEquals(4, catalog.list(ResourceInfo.class).size());
        assertEquals(wmsLayer.getId(), catalog.getById(wmsLayer.getId(), WMSLayerInfo.class).getId());
        assertEquals(wmtsLayer.getId(), catalog.getById(wmtsLayer.getId()).getId());
        assertEquals("streams", ft.getNativeName(), "native name defaults to the name");
        List<String> added = events.stream().filter(e -> e.kind() == Kind.ADD).map(e -> e.info().xml().name()).distinct().toList();
        assertEquals(List.of("workspace", "namespace", "defaults", "dataStore", "coverageStore", "wmsStore", "wmtsStore", "featureType",
                "coverage", "wmsLayer", "wmtsLayer", "style", "layer", "layerGroup"), added);
    }

    @Test
    void configurationObjectsAreChangedAndAnnouncedToo() {
        WorkspaceInfo ws = workspace("topp");
        GeoServerInfo global = catalog.getGlobal();
        global.setUpdateSequence(42);
        catalog.save(global);
        LoggingInfo logging = catalog.getLogging();
        logging.setLevel("VERBOSE_LOGGING.properties");
        catalog.save(logging);
        SettingsInfo settings = new SettingsInfo();
        settings.setWorkspace(ws);
        settings.setTitle("Topp settings");
        settings = catalog.add(settings);
        ServiceInfo wms = ServiceInfo.of("wms");
        wms.setName("WMS");
        wms = catalog.add(wms);
        ServiceInfo local = ServiceInfo.of("wms");
        local.setWorkspace(ws.getId());
        local = catalog.add(local);

        assertEquals(42, catalog.getGlobal().getUpdateSequence());
        assertEquals("VERBOSE_LOGGING.properties", catalog.getLogging().getLevel());
        assertEquals("Topp settings", catalog.getSettings(ws.getId()).getTitle());
        assertEquals(wms.getId(), catalog.getService("wms", null).getId());
        assertEquals(local.getId(), catalog.getService("wms", ws.getId()).getId());
        assertTrue(wms.getId().startsWith("WMSInfoImpl-"));
        refused(Reason.DUPLICATE, () -> catalog.add(ServiceInfo.of("wms")));
        refused(Reason.INVALID, () -> catalog.remove(catalog.getService("wms", null)));
        refused(Reason.INVALID, () -> catalog.remove(catalog.getGlobal()));

        ChangeEvent globalEvent = events.stream().filter(e -> e.info() instanceof GeoServerInfo).findFirst().orElseThrow();
        assertEquals(List.of("updateSequence"), globalEvent.propertyNames());

        catalog.remove(local);
        assertNull(catalog.getService("wms", ws.getId()));
        assertNotNull(settings);
    }

    // ---- modifying

    @Test
    void aModificationReportsChangedPropertiesWithOldAndNewValues() {
        WorkspaceInfo ws = workspace("sf");
        FeatureTypeInfo ft = featureType(dataStore(ws, "roads"), "streams");
        events.clear();
        ft.setTitle("Streams");
        ft.setSRS("EPSG:26713");
        catalog.save(ft);
        assertEquals(1, events.size());
        ChangeEvent event = events.get(0);
        assertEquals(Kind.MODIFY, event.kind());
        assertEquals(List.of("srs", "title", "dateModified"), event.propertyNames());
        PropertyChange srs = event.changes().get(0);
        assertEquals("EPSG:4326", srs.oldValue().text());
        assertEquals("EPSG:26713", srs.newValue().text());
        assertNull(event.changes().get(1).oldValue(), "the title was absent");
        assertEquals("EPSG:4326", ((FeatureTypeInfo) event.before()).getSRS());
        assertEquals("EPSG:26713", ((FeatureTypeInfo) event.after()).getSRS());
    }

    @Test
    void savingAnUnchangedObjectChangesNothing() {
        WorkspaceInfo ws = workspace("sf");
        events.clear();
        catalog.save(ws);
        assertTrue(events.isEmpty());
    }

    @Test
    void objectsHandedOutAreCopies() {
        WorkspaceInfo ws = workspace("sf");
        ws.setName("changed-but-not-saved");
        assertEquals("sf", catalog.getById(ws.getId(), WorkspaceInfo.class).getName());
        events.get(0).info().setId("tampered");
        assertNotNull(catalog.getWorkspaceByName("sf"));
    }

    @Test
    void renamingAWorkspaceRenamesItsNamespace() {
        WorkspaceInfo ws = workspace("sf");
        FeatureTypeInfo ft = featureType(dataStore(ws, "roads"), "streams");
        layer(ft, style("line", null));
        events.clear();
        ws.setName("sanfrancisco");
        catalog.save(ws);
        assertEquals(List.of("workspace", "namespace"), events.stream().map(e -> e.info().xml().name()).toList());
        assertEquals("sanfrancisco", catalog.getNamespaceByPrefix("sanfrancisco").getPrefix());
        assertNull(catalog.getNamespaceByPrefix("sf"));
        assertEquals("streams", catalog.getLayerByName("sanfrancisco:streams").getName());
    }

    @Test
    void renamingALayerRenamesItsResourceAndBack() {
        WorkspaceInfo ws = workspace("sf");
        FeatureTypeInfo ft = featureType(dataStore(ws, "roads"), "streams");
        LayerInfo layer = layer(ft, style("line", null));
        layer.setName("rivers");
        catalog.save(layer);
        assertEquals("rivers", catalog.getById(ft.getId(), FeatureTypeInfo.class).getName());
        FeatureTypeInfo resource = catalog.getById(ft.getId(), FeatureTypeInfo.class);
        resource.setName("creeks");
        catalog.save(resource);
        assertEquals("creeks", catalog.getLayerByName("sf:creeks").getName());
    }

    @Test
    void movingAStoreMovesItsResourcesToTheOtherNamespace() {
        WorkspaceInfo sf = workspace("sf");
        WorkspaceInfo topp = workspace("topp");
        DataStoreInfo store = dataStore(sf, "roads");
        featureType(store, "streams");
        store.setWorkspace(topp.getId());
        catalog.save(store);
        assertNotNull(catalog.getResourceByName("topp", "streams", FeatureTypeInfo.class));
        assertNull(catalog.getResourceByName("sf", "streams", FeatureTypeInfo.class));
    }

    @Test
    void onlyOneDefaultStorePerWorkspace() {
        WorkspaceInfo ws = workspace("sf");
        DataStoreInfo a = dataStore(ws, "a");
        DataStoreInfo b = dataStore(ws, "b");
        a.setDefault(true);
        catalog.save(a);
        b.setDefault(true);
        catalog.save(b);
        assertEquals(b.getId(), catalog.getDefaultStore(ws.getId()).getId());
        assertTrue(!catalog.getById(a.getId(), DataStoreInfo.class).isDefault());
    }

    @Test
    void theDefaultWorkspaceCanBeChanged() {
        workspace("sf");
        WorkspaceInfo topp = workspace("topp");
        catalog.setDefaultWorkspace(topp);
        assertEquals("topp", catalog.getDefaultWorkspace().getName());
        assertEquals("topp", catalog.getDefaultNamespace().getPrefix());
        WorkspaceInfo ghost = WorkspaceInfo.named("ghost");
        ghost.setId("WorkspaceInfoImpl-ghost");
        refused(Reason.NOT_FOUND, () -> catalog.setDefaultWorkspace(ghost));
    }

    // ---- validation

    @Test
    void namesAreUniqueWithinTheirScope() {
        WorkspaceInfo sf = workspace("sf");
        WorkspaceInfo topp = workspace("topp");
        refused(Reason.DUPLICATE, () -> workspace("sf"));
        dataStore(sf, "roads");
        dataStore(topp, "roads");
        refused(Reason.DUPLICATE, () -> dataStore(sf, "roads"));
        style("line", null);
        style("line", sf);
        refused(Reason.DUPLICATE, () -> style("line", null));
        refused(Reason.DUPLICATE, () -> style("line", sf));
        NamespaceInfo sameUri = NamespaceInfo.of("other", "http://sf");
        refused(Reason.DUPLICATE, () -> catalog.add(sameUri));
    }

    @Test
    void invalidNamesAndMissingReferencesAreRefusedAndChangeNothing() {
        refused(Reason.INVALID, () -> workspace("has space"));
        refused(Reason.INVALID, () -> workspace("a:b"));
        refused(Reason.INVALID, () -> workspace("default"));
        refused(Reason.INVALID, () -> catalog.add(new WorkspaceInfo()));
        WorkspaceInfo ws = workspace("sf");
        DataStoreInfo orphan = new DataStoreInfo();
        orphan.setName("orphan");
        orphan.setWorkspace("WorkspaceInfoImpl-nowhere");
        CatalogException e = refused(Reason.NOT_FOUND, () -> catalog.add(orphan));
        assertTrue(e.getMessage().contains("workspace of store 'orphan'"), e.getMessage());
        DataStoreInfo slash = new DataStoreInfo();
        slash.setName("../escape");
        slash.setWorkspace(ws.getId());
        refused(Reason.INVALID, () -> catalog.add(slash));

        FeatureTypeInfo ft = featureType(dataStore(ws, "roads"), "streams");
        LayerInfo layer = LayerInfo.publishing(ft);
        layer.setDefaultStyle("StyleInfoImpl-missing");
        events.clear();
        refused(Reason.NOT_FOUND, () -> catalog.add(layer));
        assertTrue(events.isEmpty());
        assertNull(catalog.getLayerByName("sf:streams"));
    }

    @Test
    void aResourceMustLiveInItsStoresWorkspace() {
        WorkspaceInfo sf = workspace("sf");
        workspace("topp");
        DataStoreInfo store = dataStore(sf, "roads");
        FeatureTypeInfo ft = new FeatureTypeInfo();
        ft.setName("streams");
        ft.setNamespace(catalog.getNamespaceByPrefix("topp").getId());
        ft.setStore(store);
        refused(Reason.INVALID, () -> catalog.add(ft));
    }

    @Test
    void layerGroupsAreChecked() {
        WorkspaceInfo ws = workspace("sf");
        LayerInfo layer = layer(featureType(dataStore(ws, "roads"), "streams"), style("line", null));
        refused(Reason.INVALID, () -> group("empty", null));
        refused(Reason.NOT_FOUND, () -> group("ghost", null, Published.layer("LayerInfoImpl-ghost")));
        LayerGroupInfo a = group("a", null, Published.layer(layer.getId()));
        LayerGroupInfo b = group("b", null, Published.group(a.getId()));
        a.setPublishables(List.of(Published.layer(layer.getId()), Published.group(b.getId())));
        refused(Reason.INVALID, () -> catalog.save(a));
        LayerGroupInfo styled = new LayerGroupInfo();
        styled.setName("styled");
        styled.setPublishables(List.of(Published.layer(layer.getId())));
        styled.setStyles(List.of("x", "y"));
        refused(Reason.INVALID, () -> catalog.add(styled));
    }

    // ---- removing

    @Test
    void aNonEmptyWorkspaceIsOnlyRemovedRecursively() {
        WorkspaceInfo ws = workspace("sf");
        StyleInfo line = style("line", null);
        StyleInfo local = style("local", ws);
        FeatureTypeInfo ft = featureType(dataStore(ws, "roads"), "streams");
        LayerInfo layer = layer(ft, local);
        group("local", ws, Published.layer(layer.getId()));
        LayerGroupInfo global = group("global", null, Published.layer(layer.getId()));
        LayerInfo other = layer(featureType(dataStore(workspace("topp"), "x"), "y"), line);
        LayerGroupInfo mixed = group("mixed", null, Published.layer(layer.getId()), Published.layer(other.getId()));
        catalog.setDefaultWorkspace(ws);

        CatalogException e = refused(Reason.IN_USE, () -> catalog.remove(ws));
        assertTrue(e.getMessage().contains("workspace 'sf' is not empty"), e.getMessage());
        assertNotNull(catalog.getWorkspaceByName("sf"));

        events.clear();
        catalog.removeRecursively(ws);
        assertNull(catalog.getWorkspaceByName("sf"));
        assertNull(catalog.getNamespaceByPrefix("sf"));
        assertNull(catalog.getById(ft.getId()));
        assertNull(catalog.getById(global.getId()), "a group left empty goes too");
        assertEquals(List.of(Published.layer(other.getId())), catalog.getById(mixed.getId(), LayerGroupInfo.class).getPublishables());
        assertEquals("topp", catalog.getDefaultWorkspace().getName(), "another workspace becomes the default");
        List<String> order = events.stream().map(ev -> ev.kind() + " " + ev.info().xml().name()).toList();
        assertTrue(order.indexOf("REMOVE layer") < order.indexOf("REMOVE featureType"), order.toString());
        assertTrue(order.indexOf("REMOVE featureType") < order.indexOf("REMOVE dataStore"), order.toString());
        assertTrue(order.indexOf("REMOVE dataStore") < order.indexOf("REMOVE workspace"), order.toString());
        assertTrue(order.indexOf("REMOVE style") < order.indexOf("REMOVE workspace"), order.toString());
        assertEquals("MODIFY defaults", order.get(order.size() - 1));
    }

    @Test
    void dependentsBlockRemovalUnlessRecursive() {
        WorkspaceInfo ws = workspace("sf");
        DataStoreInfo store = dataStore(ws, "roads");
        FeatureTypeInfo ft = featureType(store, "streams");
        LayerInfo layer = layer(ft, style("line", null));
        group("g", null, Published.layer(layer.getId()));
        refused(Reason.IN_USE, () -> catalog.remove(store));
        refused(Reason.IN_USE, () -> catalog.remove(ft));
        refused(Reason.IN_USE, () -> catalog.remove(layer));
        catalog.removeRecursively(layer);
        assertNull(catalog.getLayerByName("sf:streams"));
        assertNotNull(catalog.getById(ft.getId()), "the resource stays");
        catalog.remove(ft);
        catalog.remove(store);
    }

    @Test
    void stylesInUseAndDefaultStylesAreProtected() {
        WorkspaceInfo ws = workspace("sf");
        StyleInfo generic = style("generic", null);
        StyleInfo fancy = style("fancy", null);
        LayerInfo layer = layer(featureType(dataStore(ws, "roads"), "streams"), fancy);
        refused(Reason.IN_USE, () -> catalog.remove(generic));
        refused(Reason.IN_USE, () -> catalog.remove(fancy));
        catalog.removeRecursively(fancy);
        assertEquals(generic.getId(), catalog.getById(layer.getId(), LayerInfo.class).getDefaultStyle(), "falls back to the generic style");
    }

    // ---- origin, persistence, concurrency

    @Test
    void changesFromAnotherNodeAreAppliedLiterallyAndMarked() {
        WorkspaceInfo remote = WorkspaceInfo.named("remote");
        remote.setId("WorkspaceInfoImpl-from-b");
        List<ChangeEvent> applied = catalog.apply(Change.add(remote).from("node-b"));
        assertEquals(1, applied.size(), "no namespace derived: node b sends its own");
        assertEquals("node-b", applied.get(0).origin());
        assertNull(applied.get(0).info().xml().child("dateCreated"), "not stamped: every node keeps the sender's XML");
        NamespaceInfo ns = NamespaceInfo.of("remote", "http://remote");
        ns.setId("NamespaceInfoImpl-from-b");
        catalog.apply(Change.add(ns).from("node-b"));
        assertEquals("NamespaceInfoImpl-from-b", catalog.getNamespaceByPrefix("remote").getId());
        WorkspaceInfo noId = WorkspaceInfo.named("noid");
        refused(Reason.INVALID, () -> catalog.apply(Change.add(noId).from("node-b")));
    }

    @Test
    void aFailedWriteUndoesTheChange() {
        WorkspaceInfo ws = workspace("sf");
        events.clear();
        catalog.setPersistence((changes, view) -> {
            assertNotNull(view.getWorkspaceByName("renamed"), "the persistence service sees the state after the change");
            throw new java.io.IOException("disk full");
        });
        ws.setName("renamed");
        CatalogException e = refused(Reason.PERSISTENCE, () -> catalog.save(ws));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertNotNull(catalog.getWorkspaceByName("sf"));
        assertNotNull(catalog.getNamespaceByPrefix("sf"));
        assertNull(catalog.getWorkspaceByName("renamed"));
        assertTrue(events.isEmpty(), "listeners hear only of committed changes");
    }

    @Test
    void aStyleBodyTravelsWithItsChange() {
        List<List<ChangeEvent>> persisted = new ArrayList<>();
        catalog.setPersistence((changes, view) -> persisted.add(changes));
        StyleInfo style = new StyleInfo();
        style.setName("roads");
        byte[] sld = "<StyledLayerDescriptor/>".getBytes(StandardCharsets.UTF_8);
        List<ChangeEvent> added = catalog.apply(Change.add(style).withStyleBody(sld));
        assertArrayEquals(sld, added.get(0).styleBody());
        StyleInfo stored = catalog.getStyleByName(null, "roads");
        byte[] newSld = "<StyledLayerDescriptor version=\"1.0.0\"/>".getBytes(StandardCharsets.UTF_8);
        List<ChangeEvent> saved = catalog.apply(Change.save(stored).withStyleBody(newSld));
        assertEquals(1, saved.size(), "a new body alone is a change");
        assertArrayEquals(newSld, saved.get(0).styleBody());
        assertTrue(catalog.apply(Change.remove(stored).purging()).get(0).purge());
        assertEquals(3, persisted.size());
        WorkspaceInfo ws = WorkspaceInfo.named("x");
        refused(Reason.INVALID, () -> catalog.apply(Change.add(ws).withStyleBody(sld)));
    }

    @Test
    void aConditionalChangeIsSkippedWhenItsConditionFails() {
        assertTrue(catalog.apply(Change.add(WorkspaceInfo.named("no")).onlyIf(() -> false)).isEmpty());
        assertNull(catalog.getWorkspaceByName("no"));
        assertEquals(3, catalog.apply(Change.add(WorkspaceInfo.named("yes")).onlyIf(() -> true)).size());
    }

    @Test
    void aFailingListenerDoesNotUndoTheChange() {
        catalog.addListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        workspace("sf");
        assertNotNull(catalog.getWorkspaceByName("sf"));
    }

    @Test
    void concurrentWritersAndReadersSeeAConsistentCatalogAndOrderedEvents() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        WorkspaceInfo ws = workspace("w" + thread + "_" + i);
                        dataStore(ws, "s");
                        assertNotNull(catalog.getNamespaceByPrefix(ws.getName()), "a reader sees the pair complete");
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(200, catalog.list(WorkspaceInfo.class).size());
        assertEquals(200, catalog.list(NamespaceInfo.class).size());
        assertEquals(200, catalog.list(StoreInfo.class).size());
        List<Long> sequences = events.stream().map(ChangeEvent::sequence).toList();
        for (int i = 0; i < sequences.size(); i++) {
            assertEquals(i + 1L, sequences.get(i), "events arrive in commit order");
        }
    }

    @Test
    void replaceAllLoadsTolerantlyAndReportsWhatItLeftOut() {
        WorkspaceInfo ws = WorkspaceInfo.named("sf");
        ws.setId("ws1");
        NamespaceInfo ns = NamespaceInfo.of("sf", "http://sf");
        ns.setId("ns1");
        DataStoreInfo store = new DataStoreInfo();
        store.setId("ds1");
        store.setName("roads");
        store.setWorkspace("ws1");
        DataStoreInfo orphan = new DataStoreInfo();
        orphan.setId("ds2");
        orphan.setName("orphan");
        orphan.setWorkspace("missing");
        FeatureTypeInfo ft = new FeatureTypeInfo();
        ft.setId("ft1");
        ft.setName("streams");
        ft.setNamespace("ns1");
        ft.setStore(store);
        LayerInfo layer = LayerInfo.publishing(ft);
        layer.setId("l1");
        layer.setDefaultStyle("gone");
        LayerGroupInfo group = new LayerGroupInfo();
        group.setId("g1");
        group.setName("g");
        group.setPublishables(List.of(Published.layer("l1"), Published.layer("l-missing")));
        LayerGroupInfo outer = new LayerGroupInfo();
        outer.setId("g2");
        outer.setName("outer");
        outer.setPublishables(List.of(Published.group("g1")));

        List<String> problems = catalog.replaceAll(List.of(outer, group, layer, ft, orphan, store, ns, ws));
        assertEquals(3, problems.size(), problems.toString());
        assertNull(catalog.getById("ds2"));
        assertNull(catalog.getById("l1", LayerInfo.class).getDefaultStyle());
        assertEquals(List.of(Published.layer("l1")), catalog.getById("g1", LayerGroupInfo.class).getPublishables());
        assertNotNull(catalog.getById("g2"), "nested groups load after their members");
        assertEquals("ws1", catalog.getDefaultWorkspace().getId());
        assertNotNull(catalog.getGlobal());
        // A missing logging.xml gives a logging object as GeoServer presents an empty one: stdOutLogging is a primitive, false.
        assertEquals(XmlElement.of("logging", List.of(XmlElement.text("stdOutLogging", "false"))), catalog.getLogging().xml());
    }

    @Test
    void installMakesTheContentEqualInOneWrittenStepOrdersDependenciesAndChangesNothingWhenRefused() {
        WorkspaceInfo kept = workspace("kept");
        StyleInfo line = style("line", null);
        WorkspaceInfo gone = workspace("gone");
        DataStoreInfo goneStore = dataStore(gone, "s");
        FeatureTypeInfo goneType = featureType(goneStore, "f");
        LayerInfo goneLayer = layer(goneType, line);
        // The target: "gone" and what it holds removed, "kept" renamed, a new workspace with a layer, a new style body.
        List<String> goneIds = List.of(gone.getId(), catalog.getNamespaceByPrefix("gone").getId(), goneStore.getId(), goneType.getId(), goneLayer.getId());
        List<Info> target = new ArrayList<>(catalog.list(Info.class));
        target.removeIf(info -> goneIds.contains(info.getId()) || info instanceof org.geoserver.cluster.catalog.api.CatalogDefaults);
        target.replaceAll(info -> info.getId().equals(kept.getId()) ? renamed(kept, "kept2") : info);
        target.replaceAll(info -> info.getId().equals(catalog.getNamespaceByPrefix("kept").getId()) ? prefixed(catalog.getNamespaceByPrefix("kept"), "kept2") : info);
        CatalogImpl source = new CatalogImpl(Clock.systemUTC());
        source.replaceAll(target);
        WorkspaceInfo fresh = source.add(WorkspaceInfo.named("fresh"));
        DataStoreInfo freshStore = new DataStoreInfo();
        freshStore.setName("fs");
        freshStore.setWorkspace(fresh.getId());
        freshStore = source.add(freshStore);
        FeatureTypeInfo freshType = new FeatureTypeInfo();
        freshType.setName("ft");
        freshType.setNamespace(source.getNamespaceByPrefix("fresh").getId());
        freshType.setStore(freshStore);
        freshType = source.add(freshType);
        source.add(LayerInfo.publishing(freshType));
        byte[] body = "<sld/>".getBytes(StandardCharsets.UTF_8);

        List<List<ChangeEvent>> persisted = new ArrayList<>();
        catalog.setPersistence((changes, view) -> {
            assertNotNull(view.getWorkspaceByName("fresh"), "the writer sees the new content");
            persisted.add(changes);
        });
        events.clear();
        List<ChangeEvent> installed = catalog.install(source.list(Info.class), java.util.Map.of(line.getId(), body), "node-b");

        assertEquals(1, persisted.size(), "one write for the whole install");
        assertEquals(installed, events, "listeners hear every event");
        assertTrue(installed.stream().allMatch(e -> "node-b".equals(e.origin())));
        List<String> removals = installed.stream().filter(e -> e.kind() == Kind.REMOVE).map(e -> e.info().xml().name()).toList();
        assertEquals(List.of("layer", "featureType", "dataStore", "namespace", "workspace"), removals, "dependents are removed first");
        List<String> additions = installed.stream().filter(e -> e.kind() == Kind.ADD).map(e -> e.info().xml().name()).toList();
        assertEquals(List.of("workspace", "namespace", "dataStore", "featureType", "layer"), additions, "dependencies are added first");
        ChangeEvent styleEvent = installed.stream().filter(e -> e.info().getId().equals(line.getId())).findFirst().orElseThrow();
        assertArrayEquals(body, styleEvent.styleBody(), "a new style body alone is a modification");
        assertEquals(List.of("name"), installed.stream().filter(e -> e.info().getId().equals(kept.getId())).findFirst().orElseThrow().propertyNames());
        assertNull(catalog.getWorkspaceByName("gone"));
        assertNotNull(catalog.getLayerByName("fresh:ft"));
        assertTrue(catalog.install(source.list(Info.class), java.util.Map.of(), "node-b").isEmpty(), "installing the same content changes nothing");

        // A failed write or an unresolvable object leaves everything as it was.
        WorkspaceInfo other = source.add(WorkspaceInfo.named("other"));
        catalog.setPersistence((changes, view) -> {
            throw new java.io.IOException("disk full");
        });
        events.clear();
        CatalogException write = refused(Reason.PERSISTENCE, () -> catalog.install(source.list(Info.class), java.util.Map.of(), "node-b"));
        assertTrue(write.getMessage().contains("node-b") && write.getMessage().contains("disk full"), write.getMessage());
        assertNull(catalog.getById(other.getId()));
        assertTrue(events.isEmpty());
        List<Info> dangling = new ArrayList<>(source.list(Info.class));
        dangling.removeIf(info -> info.getId().equals(fresh.getId()));
        CatalogException invalid = refused(Reason.INVALID, () -> catalog.install(dangling, java.util.Map.of(), "node-b"));
        assertTrue(invalid.getMessage().contains("do not resolve"), invalid.getMessage());
        assertNotNull(catalog.getWorkspaceByName("fresh"));
    }

    private static WorkspaceInfo renamed(WorkspaceInfo ws, String name) {
        WorkspaceInfo copy = Info.copyOf(ws);
        copy.setName(name);
        return copy;
    }

    private static NamespaceInfo prefixed(NamespaceInfo ns, String prefix) {
        NamespaceInfo copy = Info.copyOf(ns);
        copy.setPrefix(prefix);
        return copy;
    }
}
