package org.geoserver.cluster.datadir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader tolerates, refuses and makes up, on copies of GeoServer's release data directory. */
class DataDirectoryLoaderTest {

    @TempDir
    Path root;

    @BeforeEach
    void copy() throws IOException {
        Fixtures.copy(Fixtures.RELEASE, root);
    }

    @Test
    void aMalformedFileIsSkippedAndNamedWhileTheRestLoads() throws IOException {
        Path roads = root.resolve("workspaces/sf/sf/roads/featuretype.xml");
        Files.writeString(roads, Files.readString(roads).substring(0, 300));

        DataDirectoryLoader.Result result = Fixtures.LOADER.load(root);

        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).startsWith(roads + ": malformed XML"), result.problems().get(0));
        CatalogImpl catalog = new CatalogImpl();
        List<String> leftOut = catalog.replaceAll(result.objects());
        assertEquals(2, leftOut.size(), "the layer of the unreadable resource, and its place in a group: " + leftOut);
        assertTrue(leftOut.get(0).startsWith("LAYER 'roads'"), leftOut.get(0));
        assertTrue(leftOut.get(1).startsWith("LAYERGROUP 'spearfish'"), leftOut.get(1));
        assertNull(catalog.getResourceByName("sf", "roads", FeatureTypeInfo.class));
        assertEquals(23, catalog.list(FeatureTypeInfo.class).size() + catalog.list(org.geoserver.cluster.catalog.api.CoverageInfo.class).size());
        assertEquals(23, catalog.list(LayerInfo.class).size());
    }

    @Test
    void documentsNamingOtherClassesAreRefused() throws IOException {
        Path processBuilder = root.resolve("styles/burg.xml");
        Files.writeString(processBuilder, "<java.lang.ProcessBuilder><command><string>touch</string><string>/tmp/pwned</string></command></java.lang.ProcessBuilder>");
        Path runtime = root.resolve("workspaces/sf/sf/roads/layer.xml");
        Files.writeString(runtime, "<layer class=\"java.lang.Runtime\"><name>roads</name></layer>");
        Path wrongPlace = root.resolve("styles/capitals.xml");
        Files.writeString(wrongPlace, Files.readString(root.resolve("workspaces/sf/sf/datastore.xml")));

        DataDirectoryLoader.Result result = Fixtures.LOADER.load(root);

        assertEquals(3, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.startsWith(processBuilder + ": not a catalog or configuration object")), result.problems().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.startsWith(runtime + ": not a catalog or configuration object")), result.problems().toString());
        assertTrue(result.problems().contains(wrongPlace + ": holds a <dataStore>, but a <style> belongs there; skipped"), result.problems().toString());
        assertEquals(25, result.objects().stream().filter(StyleInfo.class::isInstance).count());
        assertEquals(23, result.objects().stream().filter(LayerInfo.class::isInstance).count());
        assertTrue(Files.notExists(Path.of("/tmp/pwned")));
    }

    @Test
    void aWorkspaceWithoutNamespaceGetsOneNamedAfterIt() throws IOException {
        Files.delete(root.resolve("workspaces/sde/namespace.xml"));

        DataDirectoryLoader.Result first = Fixtures.LOADER.load(root);
        CatalogImpl catalog = new CatalogImpl();
        assertEquals(List.of(), catalog.replaceAll(first.objects()));

        NamespaceInfo namespace = catalog.getNamespaceByPrefix("sde");
        assertEquals("http://sde", namespace.getURI());
        assertTrue(namespace.getId().startsWith("NamespaceInfoImpl-"), namespace.getId());
        NamespaceInfo again = Fixtures.load(root).getNamespaceByPrefix("sde");
        assertEquals(namespace.getId(), again.getId(), "the same id on every load and every node");
    }

    @Test
    void foldersWithoutTheirObjectFileAndNonCatalogFilesAreSkipped() throws IOException {
        Files.delete(root.resolve("workspaces/topp/taz_shapes/datastore.xml"));
        Files.createDirectories(root.resolve("workspaces/empty"));
        Files.createDirectories(root.resolve("workspaces/sf/sf/notes"));
        Files.writeString(root.resolve("workspaces/sf/sf/notes/readme.txt"), "not a resource");
        Files.writeString(root.resolve("workspaces/sf/notes.xml"), "<notes/>");
        Files.writeString(root.resolve("workspaces/sf/sf/roads/.featuretype.xml.1234.tmp"), "<featureType>half writ");
        Files.writeString(root.resolve("workspaces/defaultnamespace.xml"), "<namespace/>");
        Files.writeString(root.resolve("w3ds.xml"), "<w3ds><id>w3ds</id></w3ds>");
        Files.writeString(root.resolve("styles/burg.css"), "* { mark: symbol(circle); }");

        DataDirectoryLoader.Result result = Fixtures.LOADER.load(root);

        assertEquals(List.of(
                root.resolve("workspaces/empty") + ": has no workspace.xml; folder skipped",
                root.resolve("workspaces/topp/taz_shapes")
                        + ": has no store file (datastore.xml, coveragestore.xml, wmsstore.xml or wmtsstore.xml); folder skipped"),
                result.problems().stream().sorted().toList());
        CatalogImpl catalog = new CatalogImpl();
        List<String> leftOut = catalog.replaceAll(result.objects());
        assertTrue(leftOut.get(leftOut.size() - 1).contains("'tasmania'"), "the group of the skipped layers has no members left: " + leftOut);
        assertNull(catalog.getLayerGroupByName(null, "tasmania"));
        assertEquals(20, catalog.list(LayerInfo.class).size());
        assertNotNull(catalog.getWorkspaceByName("sf"));
    }

    @Test
    void aStaleDefaultXmlIsMatchedByName() throws IOException {
        Files.writeString(root.resolve("workspaces/default.xml"), "<workspace><id>WorkspaceInfoImpl-gone</id><name>sf</name></workspace>");
        CatalogImpl catalog = Fixtures.load(root);
        assertEquals("sf", catalog.getDefaultWorkspace().getName());

        Files.writeString(root.resolve("workspaces/default.xml"), "<workspace><id>WorkspaceInfoImpl-gone</id><name>gone</name></workspace>");
        DataDirectoryLoader.Result result = Fixtures.LOADER.load(root);
        assertEquals(List.of(root.resolve("workspaces/default.xml") + ": names workspace 'gone', which is not loaded; the first workspace becomes the default"),
                result.problems());
        CatalogImpl fallback = new CatalogImpl();
        fallback.replaceAll(result.objects());
        assertEquals(WorkspaceInfo.class, fallback.getDefaultWorkspace().getClass());
    }
}
