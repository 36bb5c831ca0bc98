package org.geoserver.cluster.datadir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.catalog.testing.FixtureDirectories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader tolerates, refuses and makes up, on copies of our cluster-sample data directory. */
class DataDirectoryLoaderTest {

    @TempDir
    Path root;

    @BeforeEach
    void copy() throws IOException {
        Fixtures.copy(FixtureDirectories.CLUSTER_SAMPLE, root);
    }

    @Test
    void aMalformedFileIsSkippedAndNamedWhileTheRestLoads() throws IOException {
        Path streams = root.resolve("workspaces/hydro/rivers/streams/featuretype.xml");
        Files.writeString(streams, Files.readString(streams).substring(0, 300));

        DataDirectoryLoader.Result result = Fixtures.LOADER.load(root);

        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).startsWith(streams + ": malformed XML"), result.problems().get(0));
        CatalogImpl catalog = new CatalogImpl();
        List<String> leftOut = catalog.replaceAll(result.objects());
        assertEquals(2, leftOut.size(), "the layer of the unreadable resource, and its place in a group: " + leftOut);
        assertTrue(leftOut.get(0).startsWith("LAYER 'streams'"), leftOut.get(0));
        assertTrue(leftOut.get(1).startsWith("LAYERGROUP 'waterways'"), leftOut.get(1));
        assertNull(catalog.getResourceByName("hydro", "streams", FeatureTypeInfo.class));
        assertEquals(2, catalog.getLayerGroupByName(null, "waterways").getPublishables().size(), "the group keeps its other layers");
        assertEquals(10, catalog.list(ResourceInfo.class).size());
        assertEquals(10, catalog.list(LayerInfo.class).size());
    }

    @Test
    void documentsNamingOtherClassesAreRefused() throws IOException {
        Path processBuilder = root.resolve("styles/contours.xml");
        Files.writeString(processBuilder, "<java.lang.ProcessBuilder><command><string>touch</string><string>/tmp/pwned</string></command></java.lang.ProcessBuilder>");
        Path runtime = root.resolve("workspaces/hydro/rivers/streams/layer.xml");
        Files.writeString(runtime, "<layer class=\"java.lang.Runtime\"><name>streams</name></layer>");
        Path wrongPlace = root.resolve("styles/hillshade.xml");
        Files.writeString(wrongPlace, Files.readString(root.resolve("workspaces/hydro/rivers/datastore.xml")));

        DataDirectoryLoader.Result result = Fixtures.LOADER.load(root);

        assertEquals(3, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.startsWith(processBuilder + ": not a catalog or configuration object")), result.problems().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.startsWith(runtime + ": not a catalog or configuration object")), result.problems().toString());
        assertTrue(result.problems().contains(wrongPlace + ": holds a <dataStore>, but a <style> belongs there; skipped"), result.problems().toString());
        assertEquals(8, result.objects().stream().filter(StyleInfo.class::isInstance).count());
        assertEquals(10, result.objects().stream().filter(LayerInfo.class::isInstance).count());
        assertTrue(Files.notExists(Path.of("/tmp/pwned")));
    }

    @Test
    void aWorkspaceWithoutNamespaceGetsOneNamedAfterIt() throws IOException {
        Files.delete(root.resolve("workspaces/sandbox/namespace.xml"));

        DataDirectoryLoader.Result first = Fixtures.LOADER.load(root);
        CatalogImpl catalog = new CatalogImpl();
        assertEquals(List.of(), catalog.replaceAll(first.objects()));

        NamespaceInfo namespace = catalog.getNamespaceByPrefix("sandbox");
        assertEquals("http://sandbox", namespace.getURI());
        assertTrue(namespace.getId().startsWith("NamespaceInfoImpl-"), namespace.getId());
        assertFalse(namespace.getId().equals("NamespaceInfoImpl-sandbox"), "not the deleted file's");
        NamespaceInfo again = Fixtures.load(root).getNamespaceByPrefix("sandbox");
        assertEquals(namespace.getId(), again.getId(), "the same id on every load and every node");
    }

    @Test
    void foldersWithoutTheirObjectFileAndNonCatalogFilesAreSkipped() throws IOException {
        Files.delete(root.resolve("workspaces/hydro/gauges/datastore.xml"));
        Files.createDirectories(root.resolve("workspaces/empty"));
        Files.createDirectories(root.resolve("workspaces/hydro/rivers/notes"));
        Files.writeString(root.resolve("workspaces/hydro/rivers/notes/readme.txt"), "not a resource");
        Files.writeString(root.resolve("workspaces/hydro/notes.xml"), "<notes/>");
        Files.writeString(root.resolve("workspaces/hydro/rivers/streams/.featuretype.xml.1234.tmp"), "<featureType>half writ");
        Files.writeString(root.resolve("workspaces/defaultnamespace.xml"), "<namespace/>");
        Files.writeString(root.resolve("w3ds.xml"), "<w3ds><id>w3ds</id></w3ds>");
        Files.writeString(root.resolve("styles/dams.css"), "* { mark: symbol(triangle); }");

        DataDirectoryLoader.Result result = Fixtures.LOADER.load(root);

        assertEquals(List.of(
                root.resolve("workspaces/empty") + ": has no workspace.xml; folder skipped",
                root.resolve("workspaces/hydro/gauges")
                        + ": has no store file (datastore.xml, coveragestore.xml, wmsstore.xml or wmtsstore.xml); folder skipped"),
                result.problems().stream().sorted().toList());
        CatalogImpl catalog = new CatalogImpl();
        List<String> leftOut = catalog.replaceAll(result.objects());
        assertTrue(leftOut.get(leftOut.size() - 1).contains("'gauges'"), "the group of the skipped layers has no members left: " + leftOut);
        assertNull(catalog.getLayerGroupByName(null, "gauges"));
        assertEquals(9, catalog.list(LayerInfo.class).size());
        assertNotNull(catalog.getWorkspaceByName("hydro"));
        assertNotNull(catalog.getLayerByName("hydro:streams"), "a temporary file beside a resource file is not read");
    }

    @Test
    void aStaleDefaultXmlIsMatchedByName() throws IOException {
        Files.writeString(root.resolve("workspaces/default.xml"), "<workspace><id>WorkspaceInfoImpl-gone</id><name>hydro</name></workspace>");
        CatalogImpl catalog = Fixtures.load(root);
        assertEquals("hydro", catalog.getDefaultWorkspace().getName());

        Files.writeString(root.resolve("workspaces/default.xml"), "<workspace><id>WorkspaceInfoImpl-gone</id><name>gone</name></workspace>");
        DataDirectoryLoader.Result result = Fixtures.LOADER.load(root);
        assertEquals(List.of(root.resolve("workspaces/default.xml") + ": names workspace 'gone', which is not loaded; the first workspace becomes the default"),
                result.problems());
        CatalogImpl fallback = new CatalogImpl();
        fallback.replaceAll(result.objects());
        assertEquals(WorkspaceInfo.class, fallback.getDefaultWorkspace().getClass());
    }
}
