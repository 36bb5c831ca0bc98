package org.geoserver.cluster.datadir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.catalog.testing.FixtureDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryCatalogLoaderTest {

    @TempDir
    Path temp;

    private final CatalogImpl catalog = new CatalogImpl();

    private DataDirectoryCatalogLoader activate(String path, Map<String, String> systemProperties) {
        return new DataDirectoryCatalogLoader(catalog, TestConfigs.path(path), new DataDirectoryLocator(systemProperties::get, name -> null));
    }

    @Test
    void activationInitialisesAnEmptyDirectoryAndLoadsIt() {
        Path root = temp.resolve("geoserver-data");
        DataDirectoryCatalogLoader dataDirectory = activate("", Map.of("karaf.home", temp.toString()));

        assertEquals(root, dataDirectory.root());
        assertEquals(5, catalog.list(StyleInfo.class).size());
        assertNotNull(catalog.getService("wms", null));
        assertEquals(DataDirectoryInitializer.DEFAULT_FILES.size(), Fixtures.files(root).size());
    }

    @Test
    void aNewLocationReloadsTheCatalogFromThere() throws IOException {
        Path sample = Fixtures.copy(FixtureDirectories.CLUSTER_SAMPLE, temp.resolve("sample"));
        Path legacy = Fixtures.copy(FixtureDirectories.LEGACY_FORMS, temp.resolve("legacy"));
        DataDirectoryCatalogLoader dataDirectory = activate(sample.toString(), Map.of());
        assertEquals(5, catalog.list(WorkspaceInfo.class).size());

        dataDirectory.modified(TestConfigs.path(legacy.toString()));

        assertEquals(legacy, dataDirectory.root());
        assertEquals("legacy", catalog.getDefaultWorkspace().getName());
        assertEquals(2, catalog.list(WorkspaceInfo.class).size());
    }

    @Test
    void runningItReloadsFromTheDataDirectory() throws IOException {
        Path sample = Fixtures.copy(FixtureDirectories.CLUSTER_SAMPLE, temp.resolve("sample"));
        DataDirectoryCatalogLoader loader = activate(sample.toString(), Map.of());
        catalog.add(WorkspaceInfo.named("only-in-memory"));
        loader.run();
        assertEquals(null, catalog.getWorkspaceByName("only-in-memory"));
        assertEquals(5, catalog.list(WorkspaceInfo.class).size());
    }

    @Test
    void aReloadReadsChangesFromOtherNodesNotWrittenYet() throws IOException {
        Path sample = Fixtures.copy(FixtureDirectories.CLUSTER_SAMPLE, temp.resolve("sample"));
        DataDirectoryCatalogLoader loader = activate(sample.toString(), Map.of());
        DataDirectoryPersister persister = Fixtures.persister(sample);
        catalog.setPersistence(persister);
        loader.persistence = persister;
        WorkspaceInfo remote = WorkspaceInfo.named("remote");
        remote.setId("WorkspaceInfoImpl-remote");
        catalog.apply(Change.add(remote).from("node-b")); // its file waits for the batch's end
        loader.run();
        assertNotNull(catalog.getWorkspaceByName("remote"));
    }

    @Test
    void anUnchangedLocationDoesNotReload() throws IOException {
        Path sample = Fixtures.copy(FixtureDirectories.CLUSTER_SAMPLE, temp.resolve("sample"));
        DataDirectoryCatalogLoader dataDirectory = activate("", Map.of("GEOSERVER_DATA_DIR", sample.toString()));
        catalog.add(WorkspaceInfo.named("only-in-memory"));

        dataDirectory.modified(TestConfigs.path(temp.resolve("elsewhere").toString()));

        assertEquals(sample, dataDirectory.root(), "GEOSERVER_DATA_DIR wins over the configured path");
        assertNotNull(catalog.getWorkspaceByName("only-in-memory"));
    }

    @Test
    void anUnusableLocationIsLoggedAndLeavesTheCatalogAsItWas() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        catalog.add(WorkspaceInfo.named("kept"));

        DataDirectoryCatalogLoader dataDirectory = activate(file.toString(), Map.of());

        assertEquals(file, dataDirectory.root());
        assertNotNull(catalog.getWorkspaceByName("kept"));
        assertNull(catalog.getStyleByName(null, "point"));
    }
}
