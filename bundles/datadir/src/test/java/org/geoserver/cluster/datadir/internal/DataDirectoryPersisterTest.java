package org.geoserver.cluster.datadir.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.GeoServerInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.catalog.testing.FixtureDirectories;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.files.AtomicFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes applied to a catalog loaded from a copy of our cluster-sample data directory, and what they do to its files. */
class DataDirectoryPersisterTest {

    private static final byte[] SLD = "<StyledLayerDescriptor version=\"1.0.0\"/>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;
    /** A second data directory, for comparisons (JUnit 5.10 gives each field its own folder). */
    @TempDir
    Path other;

    private final InfoXml xml = new InfoXml();
    private CatalogImpl catalog;

    @BeforeEach
    void load() throws IOException {
        Fixtures.copy(FixtureDirectories.CLUSTER_SAMPLE, root);
        catalog = Fixtures.loadPersisted(root);
    }

    @AfterEach
    void noTemporaryFileIsLeftBehind() {
        assertEquals(List.of(), Fixtures.files(root).stream().filter(f -> f.endsWith(AtomicFiles.TEMP_SUFFIX)).toList());
    }

    @Test
    void changesFromOtherNodesAreVisibleAtOnceAndWrittenBySync() throws Exception {
        DataDirectoryPersister persister = ownPersister();
        persister.sync(); // nothing pending: nothing to do
        addFromNodeB("remote");
        assertEquals("remote", catalog.getWorkspaceByName("remote").getName(), "in memory at once");
        assertTrue(Files.notExists(root.resolve("workspaces/remote")), "written with the batch");
        persister.sync();
        assertStored(catalog.getWorkspaceByName("remote"), "workspaces/remote/workspace.xml");
        addFromNodeB("later");
        catalog.apply(Change.remove(catalog.getWorkspaceByName("later")).from("node-b"));
        persister.sync();
        assertTrue(Files.notExists(root.resolve("workspaces/later")));
        assertEquals("remote", Fixtures.load(root).getWorkspaceByName("remote").getName());
    }

    @Test
    void aBatchLeavesTheFilesThatWritingEachChangeAtOnceWould() throws Exception {
        // Many changes to few files, with folder moves between them: written once per file where nothing moves in between.
        DataDirectoryPersister persister = ownPersister();
        changeManyTimes(catalog, () -> {});
        persister.sync();
        Fixtures.copy(FixtureDirectories.CLUSTER_SAMPLE, other);
        DataDirectoryPersister atOnce = Fixtures.persister(other);
        CatalogImpl each = Fixtures.load(other);
        each.setPersistence(atOnce);
        changeManyTimes(each, () -> {
            try {
                atOnce.sync();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(contents(other), contents(root));
        assertStored(catalog.getWorkspaceByName("hydro49"), "workspaces/hydro49/workspace.xml");
        assertStored(catalog.getNamespaceByPrefix("acme"), "workspaces/acme/namespace.xml");
    }

    /** Edits a namespace and adds a workspace 50 times (writes only), then renames a workspace 50 times (folder moves), as changes from node-b. */
    private static void changeManyTimes(CatalogImpl catalog, Runnable afterEach) {
        for (int i = 0; i < 50; i++) {
            NamespaceInfo namespace = catalog.getNamespaceByPrefix("acme");
            namespace.setURI("http://example.com/" + i);
            catalog.apply(Change.save(namespace).from("node-b"));
            afterEach.run();
            WorkspaceInfo added = WorkspaceInfo.named("batch" + i);
            added.setId("WorkspaceInfoImpl-batch" + i);
            catalog.apply(Change.add(added).from("node-b"));
            afterEach.run();
        }
        for (int i = 0; i < 50; i++) {
            WorkspaceInfo renamed = catalog.getWorkspaceByName(i == 0 ? "hydro" : "hydro" + (i - 1));
            renamed.setName("hydro" + i);
            catalog.apply(Change.save(renamed).from("node-b"));
            afterEach.run();
        }
    }

    /** Every file under the folder with its content. */
    private static java.util.Map<String, String> contents(Path folder) throws IOException {
        java.util.Map<String, String> contents = new java.util.TreeMap<>();
        for (String file : Fixtures.files(folder)) {
            contents.put(file, Files.readString(folder.resolve(file), StandardCharsets.ISO_8859_1));
        }
        return contents;
    }

    @Test
    void aLocalChangeWritesWhatIsPendingFirst() throws Exception {
        DataDirectoryPersister persister = ownPersister();
        WorkspaceInfo hydro = catalog.getWorkspaceByName("hydro");
        hydro.setName("hydro2");
        catalog.apply(Change.save(hydro).from("node-b")); // moves the folder, pending
        catalog.add(store("local", catalog.getWorkspaceByName("hydro2"))); // local: written at once, after the pending move
        assertStored(catalog.getStoreByName("hydro2", "local", StoreInfo.class), "workspaces/hydro2/local/datastore.xml");
        assertStored(catalog.getWorkspaceByName("hydro2"), "workspaces/hydro2/workspace.xml");
        assertTrue(Files.notExists(root.resolve("workspaces/hydro")));
    }

    @Test
    void aPendingWriteThatFailsIsCarriedOutByTheNextSync() throws Exception {
        DataDirectoryPersister persister = ownPersister();
        addFromNodeB("blocked");
        Files.writeString(root.resolve("workspaces/blocked"), "a file where the workspace folder would go");
        IOException e = assertThrows(IOException.class, persister::sync);
        assertTrue(e.getMessage().contains(root.resolve("workspaces/blocked").toString()), e.getMessage());
        assertEquals("blocked", catalog.getWorkspaceByName("blocked").getName(), "applied in memory; the transport delivers the batch again");
        Files.delete(root.resolve("workspaces/blocked"));
        persister.sync();
        assertStored(catalog.getWorkspaceByName("blocked"), "workspaces/blocked/workspace.xml");
    }

    @Test
    void aStyleFileReadSeesThePendingBody() throws Exception {
        DataDirectoryPersister persister = ownPersister();
        StyleInfo style = catalog.getStyleByName(null, "line");
        catalog.apply(Change.save(style).from("node-b").withStyleBody(SLD));
        assertArrayEquals(SLD, persister.read(catalog.getStyleByName(null, "line"), catalog).orElseThrow());
    }

    @Test
    void stoppingWritesWhatIsPending() throws Exception {
        DataDirectoryPersister persister = ownPersister();
        addFromNodeB("remote");
        persister.deactivate();
        assertStored(catalog.getWorkspaceByName("remote"), "workspaces/remote/workspace.xml");
    }

    @Test
    void aLargeChangeIsWrittenCompletelyAndInOrder() throws IOException {
        // A whole configuration installed at once (a snapshot from another node): many writes, done by several threads.
        // The target: without workspace hydro (what it holds is left out by the tolerant load), with 150 new workspaces and stores.
        String hydro = catalog.getWorkspaceByName("hydro").getId();
        List<Info> contents = new java.util.ArrayList<>(catalog.list(Info.class));
        contents.removeIf(info -> info.getId().equals(hydro) || info.getId().equals(catalog.getNamespaceByPrefix("hydro").getId())
                || info instanceof StoreInfo store && hydro.equals(store.getWorkspace()));
        CatalogImpl source = new CatalogImpl();
        source.replaceAll(contents);
        for (int i = 0; i < 150; i++) {
            WorkspaceInfo ws = source.add(WorkspaceInfo.named("bulk" + i));
            source.add(store("store" + i, ws));
        }
        DataDirectoryPersister persister = ownPersister();
        catalog.install(source.list(Info.class), java.util.Map.of(), "node-b");
        persister.sync(); // hundreds of files from another node, forced by several threads

        CatalogImpl reloaded = Fixtures.loadPersisted(root);
        assertEquals(catalog.list(Info.class).size(), reloaded.list(Info.class).size());
        for (int i = 0; i < 150; i++) {
            assertEquals("store" + i, reloaded.getStoresByWorkspace(reloaded.getWorkspaceByName("bulk" + i).getId()).get(0).getName());
        }
        assertEquals(null, reloaded.getWorkspaceByName("hydro"), "the removed workspace's folder is gone");
        assertTrue(Files.notExists(root.resolve("workspaces/hydro")));
    }

    @Test
    void additionsWriteOneFilePerObjectWhereGeoServerKeepsIt() throws IOException {
        WorkspaceInfo workspace = catalog.add(WorkspaceInfo.named("w1"));
        NamespaceInfo namespace = catalog.getNamespaceByPrefix("w1");
        DataStoreInfo store = catalog.add(store("s1", workspace));
        FeatureTypeInfo roads = catalog.add(featureType("roads", namespace, store));
        LayerInfo layer = catalog.add(LayerInfo.publishing(roads));
        StyleInfo style = addStyle("red", workspace.getId(), SLD);
        LayerGroupInfo group = catalog.add(group("g", workspace.getId(), layer));
        SettingsInfo settings = new SettingsInfo();
        settings.setWorkspace(workspace);
        settings = catalog.add(settings);
        ServiceInfo wms = ServiceInfo.of("wms");
        wms.setWorkspace(workspace.getId());
        wms = catalog.add(wms);

        assertStored(workspace, "workspaces/w1/workspace.xml");
        assertStored(namespace, "workspaces/w1/namespace.xml");
        assertStored(store, "workspaces/w1/s1/datastore.xml");
        assertStored(roads, "workspaces/w1/s1/roads/featuretype.xml");
        assertStored(layer, "workspaces/w1/s1/roads/layer.xml");
        assertStored(style, "workspaces/w1/styles/red.xml");
        assertArrayEquals(SLD, Files.readAllBytes(root.resolve("workspaces/w1/styles/red.sld")), "a style without filename keeps its body in <name>.sld");
        assertArrayEquals(SLD, Fixtures.persister(root).read(style, catalog).orElseThrow());
        assertStored(group, "workspaces/w1/layergroups/g.xml");
        assertStored(settings, "workspaces/w1/settings.xml");
        assertStored(wms, "workspaces/w1/wms.xml");

        GeoServerInfo global = catalog.getGlobal();
        global.setUpdateSequence(295);
        assertStored(catalog.save(global), "global.xml");
        String written = Files.readString(root.resolve("workspaces/w1/s1/datastore.xml"));
        assertTrue(written.startsWith("<dataStore>\n  <name>s1</name>\n  <workspace>\n    <id>"), "GeoServer's format: no declaration, two-space indentation\n" + written);
    }

    @Test
    void renamesAndMovesTakeFoldersAndFilesAlong() throws IOException {
        WorkspaceInfo workspace = catalog.add(WorkspaceInfo.named("w1"));
        DataStoreInfo store = catalog.add(store("s1", workspace));
        FeatureTypeInfo roads = catalog.add(featureType("roads", catalog.getNamespaceByPrefix("w1"), store));
        catalog.add(LayerInfo.publishing(roads));
        Files.writeString(root.resolve("workspaces/w1/s1/roads/title.ftl"), "${name}");

        workspace.setName("w2");
        catalog.save(workspace);
        assertGone("workspaces/w1");
        assertStored(catalog.getWorkspaceByName("w2"), "workspaces/w2/workspace.xml");
        assertStored(catalog.getNamespaceByPrefix("w2"), "workspaces/w2/namespace.xml");
        assertStored(catalog.getLayerByName("w2:roads"), "workspaces/w2/s1/roads/layer.xml");

        store = catalog.getStoreByName("w2", "s1", DataStoreInfo.class);
        store.setName("s2");
        catalog.save(store);
        assertGone("workspaces/w2/s1");
        assertStored(catalog.getStoreByName("w2", "s2", DataStoreInfo.class), "workspaces/w2/s2/datastore.xml");

        roads = catalog.getResourceByName("w2", "roads", FeatureTypeInfo.class);
        roads.setName("streets");
        catalog.save(roads);
        assertGone("workspaces/w2/s2/roads");
        assertStored(catalog.getResourceByName("w2", "streets", FeatureTypeInfo.class), "workspaces/w2/s2/streets/featuretype.xml");
        assertStored(catalog.getLayerByName("w2:streets"), "workspaces/w2/s2/streets/layer.xml");
        assertEquals("${name}", Files.readString(root.resolve("workspaces/w2/s2/streets/title.ftl")), "the resource's other files go along");

        LayerInfo layer = catalog.getLayerByName("w2:streets");
        layer.setName("avenues");
        catalog.save(layer); // the resource follows its layer: the event of the layer comes first
        assertGone("workspaces/w2/s2/streets");
        assertStored(catalog.getLayerByName("w2:avenues"), "workspaces/w2/s2/avenues/layer.xml");
        assertStored(catalog.getResourceByName("w2", "avenues", FeatureTypeInfo.class), "workspaces/w2/s2/avenues/featuretype.xml");

        WorkspaceInfo other = catalog.add(WorkspaceInfo.named("w3"));
        store = catalog.getStoreByName("w2", "s2", DataStoreInfo.class);
        store.setWorkspace(other.getId());
        catalog.save(store);
        assertGone("workspaces/w2/s2");
        FeatureTypeInfo moved = catalog.getResourceByName("w3", "avenues", FeatureTypeInfo.class);
        assertStored(moved, "workspaces/w3/s2/avenues/featuretype.xml");
        assertEquals(catalog.getNamespaceByPrefix("w3").getId(), moved.getNamespace());
        assertStored(catalog.getLayerByName("w3:avenues"), "workspaces/w3/s2/avenues/layer.xml");
    }

    @Test
    void renamedAndMovedStylesAndGroupsMoveTheirFiles() throws IOException {
        WorkspaceInfo workspace = catalog.add(WorkspaceInfo.named("styled"));
        StyleInfo red = addStyle("red", null, SLD);
        red.setName("blue");
        catalog.save(red);
        assertGone("styles/red.xml");
        assertGone("styles/red.sld");
        assertStored(catalog.getStyleByName(null, "blue"), "styles/blue.xml");
        assertArrayEquals(SLD, Files.readAllBytes(root.resolve("styles/blue.sld")), "a body named after the style follows the style");

        StyleInfo rivers = catalog.getStyleByName(null, "river_lines");
        rivers.setName("waterlines");
        catalog.save(rivers);
        assertGone("styles/river_lines.xml");
        assertStored(catalog.getStyleByName(null, "waterlines"), "styles/waterlines.xml");
        assertTrue(Files.exists(root.resolve("styles/rivers.sld")), "a body with a file name of its own stays");

        StyleInfo blue = catalog.getStyleByName(null, "blue");
        blue.setWorkspace(workspace.getId());
        catalog.save(blue);
        assertGone("styles/blue.xml");
        assertGone("styles/blue.sld");
        assertStored(catalog.getStyleByName("styled", "blue"), "workspaces/styled/styles/blue.xml");
        assertArrayEquals(SLD, Files.readAllBytes(root.resolve("workspaces/styled/styles/blue.sld")));

        byte[] newBody = "<StyledLayerDescriptor version=\"1.1.0\"/>".getBytes(StandardCharsets.UTF_8);
        catalog.apply(Change.save(catalog.getStyleByName("styled", "blue")).withStyleBody(newBody));
        assertArrayEquals(newBody, Files.readAllBytes(root.resolve("workspaces/styled/styles/blue.sld")));

        LayerGroupInfo gauges = catalog.getLayerGroupByName(null, "gauges");
        gauges.setName("gauging");
        catalog.save(gauges);
        assertGone("layergroups/gauges.xml");
        assertStored(catalog.getLayerGroupByName(null, "gauging"), "layergroups/gauging.xml");

        LayerGroupInfo overview = catalog.getLayerGroupByName("acme", "overview");
        overview.setWorkspace(null);
        catalog.save(overview);
        assertGone("workspaces/acme/layergroups/overview.xml");
        assertStored(catalog.getLayerGroupByName(null, "overview"), "layergroups/overview.xml");
    }

    @Test
    void removalsDeleteFilesAndTheFoldersTheObjectsOwned() throws IOException {
        catalog.removeRecursively(catalog.getLayerByName("hydro:streams"));
        assertGone("workspaces/hydro/rivers/streams/layer.xml");
        assertTrue(Files.exists(root.resolve("workspaces/hydro/rivers/streams/featuretype.xml")), "the resource stays");
        assertStored(catalog.getLayerGroupByName(null, "waterways"), "layergroups/waterways.xml"); // without the layer, in the current form
        assertEquals(2, catalog.getLayerGroupByName(null, "waterways").getPublishables().size());

        catalog.removeRecursively(catalog.getStoreByName("hydro", "gauges", DataStoreInfo.class));
        assertGone("workspaces/hydro/gauges");
        assertGone("layergroups/gauges.xml"); // emptied of its layers, so removed with them

        addStyle("kept", null, SLD);
        catalog.remove(catalog.getStyleByName(null, "kept"));
        assertGone("styles/kept.xml");
        assertTrue(Files.exists(root.resolve("styles/kept.sld")), "without purge the style file stays, as in GeoServer");
        addStyle("purged", null, SLD);
        catalog.apply(Change.remove(catalog.getStyleByName(null, "purged")).purging());
        assertGone("styles/purged.xml");
        assertGone("styles/purged.sld");
        catalog.apply(Change.removeRecursively(catalog.getStyleByName("acme", "streets")).purging());
        assertGone("workspaces/acme/styles/streets.xml");
        assertGone("workspaces/acme/styles/streets.sld");
        assertStored(catalog.getLayerByName("acme:roads"), "workspaces/acme/city/roads/layer.xml"); // its default style replaced
        assertEquals(catalog.getStyleByName(null, "generic").getId(), catalog.getLayerByName("acme:roads").getDefaultStyle());
    }

    @Test
    void recursiveRemovalOfTheDefaultWorkspaceDeletesItsFolderAndMovesDefaultXml() throws IOException {
        catalog.removeRecursively(catalog.getWorkspaceByName("acme"));
        assertGone("workspaces/acme");
        WorkspaceInfo newDefault = catalog.getDefaultWorkspace();
        assertFalse(newDefault.getName().equals("acme"));
        assertEquals(Files.readString(root.resolve("workspaces/" + newDefault.getName() + "/workspace.xml")),
                Files.readString(root.resolve("workspaces/default.xml")));

        CatalogImpl reloaded = Fixtures.load(root);
        assertNull(reloaded.getWorkspaceByName("acme"));
        assertEquals(newDefault.getId(), reloaded.getDefaultWorkspace().getId());
        assertEquals(catalog.list(Info.class).size(), reloaded.list(Info.class).size());
    }

    @Test
    void defaultXmlFollowsTheDefaultWorkspace() throws IOException {
        catalog.setDefaultWorkspace(catalog.getWorkspaceByName("hydro"));
        assertEquals(Files.readString(root.resolve("workspaces/hydro/workspace.xml")), Files.readString(root.resolve("workspaces/default.xml")));

        WorkspaceInfo hydro = catalog.getWorkspaceByName("hydro");
        hydro.setName("hydrology");
        catalog.save(hydro);
        assertEquals(Files.readString(root.resolve("workspaces/hydrology/workspace.xml")), Files.readString(root.resolve("workspaces/default.xml")));
        assertEquals("hydrology", Fixtures.load(root).getDefaultWorkspace().getName());
    }

    @Test
    void changesFromOtherNodesAreWrittenLikeLocalOnes() throws Exception {
        DataDirectoryPersister persister = ownPersister();
        addFromNodeB("remote");
        persister.sync();
        assertStored(catalog.getWorkspaceByName("remote"), "workspaces/remote/workspace.xml");
    }

    @Test
    void aFailedWriteRefusesTheChangeAndNamesTheFile() throws IOException {
        Files.writeString(root.resolve("workspaces/blocked"), "a file where the workspace folder would go");
        CatalogException e = assertThrows(CatalogException.class, () -> catalog.add(WorkspaceInfo.named("blocked")));
        assertEquals(CatalogException.Reason.PERSISTENCE, e.reason());
        assertTrue(e.getMessage().contains(root.resolve("workspaces/blocked").toString()), e.getMessage());
        assertNull(catalog.getWorkspaceByName("blocked"), "undone in memory");
    }

    @Test
    void everyChangeReloadsAsTheSameCatalog() throws IOException {
        renamesAndMovesTakeFoldersAndFilesAlong();
        renamedAndMovedStylesAndGroupsMoveTheirFiles();
        CatalogImpl reloaded = Fixtures.load(root);
        for (Info info : catalog.list(Info.class)) {
            assertEquals(info, reloaded.getById(info.getId()), "reloaded " + info);
        }
        assertEquals(catalog.list(Info.class).size(), reloaded.list(Info.class).size());
    }

    private StyleInfo addStyle(String name, String workspaceId, byte[] body) {
        StyleInfo style = new StyleInfo();
        style.setName(name);
        style.setWorkspace(workspaceId);
        Info added = catalog.apply(Change.add(style).withStyleBody(body)).get(0).after();
        return (StyleInfo) added;
    }

    private static DataStoreInfo store(String name, WorkspaceInfo workspace) {
        DataStoreInfo store = new DataStoreInfo();
        store.setName(name);
        store.setWorkspace(workspace.getId());
        store.setStoreType("Shapefile");
        store.setConnectionParameter("url", "file:data/" + name);
        return store;
    }

    private static FeatureTypeInfo featureType(String name, NamespaceInfo namespace, DataStoreInfo store) {
        FeatureTypeInfo featureType = new FeatureTypeInfo();
        featureType.setName(name);
        featureType.setNamespace(namespace.getId());
        featureType.setStore(store);
        featureType.setSRS("EPSG:4326");
        return featureType;
    }

    private static LayerGroupInfo group(String name, String workspaceId, LayerInfo layer) {
        LayerGroupInfo group = new LayerGroupInfo();
        group.setName(name);
        group.setWorkspace(workspaceId);
        group.setPublishables(List.of(Published.layer(layer.getId())));
        return group;
    }

    /** A persister of the test's own for the catalog, so that the test can call sync() on it. */
    private DataDirectoryPersister ownPersister() {
        DataDirectoryPersister persister = Fixtures.persister(root);
        catalog.setPersistence(persister);
        return persister;
    }

    /** Adds a workspace as a change from another node. */
    private void addFromNodeB(String name) {
        WorkspaceInfo workspace = WorkspaceInfo.named(name);
        workspace.setId("WorkspaceInfoImpl-" + name);
        catalog.apply(Change.add(workspace).from("node-b"));
    }

    /** The file exists and holds the object as the catalog has it. */
    private void assertStored(Info info, String file) throws IOException {
        Path path = root.resolve(file);
        assertTrue(Files.exists(path), file + " missing");
        assertEquals(catalog.getById(info.getId()), xml.read(Files.readString(path)), file);
    }

    private void assertGone(String file) {
        assertFalse(Files.exists(root.resolve(file)), file + " still there");
    }
}
