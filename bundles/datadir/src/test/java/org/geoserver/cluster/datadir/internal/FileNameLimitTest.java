package org.geoserver.cluster.datadir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.datadir.api.DataDirectory;
import org.geoserver.cluster.files.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names that make file names too long for the file system are refused before anything changes, not failed on while writing. */
class FileNameLimitTest {

    @TempDir
    Path root;

    private CatalogImpl catalog(int maxFileNameBytes) {
        CatalogImpl catalog = new CatalogImpl();
        catalog.setPersistence(new DataDirectoryPersister(new DataDirectory() {
            @Override
            public Path root() {
                return root;
            }

            @Override
            public int maxFileNameBytes() {
                return maxFileNameBytes;
            }
        }));
        return catalog;
    }

    private static CatalogException refused(CatalogImpl catalog, Info info) {
        int objects = catalog.list(Info.class).size();
        CatalogException refusal = assertThrows(CatalogException.class, () -> catalog.add(info));
        assertEquals(CatalogException.Reason.INVALID, refusal.reason(), refusal.getMessage());
        assertEquals(objects, catalog.list(Info.class).size(), "nothing changed in memory");
        return refusal;
    }

    @Test
    void aWorkspaceNameLongerThanAFileNameIsRefusedNamingTheLimit() {
        CatalogImpl catalog = catalog(DataDirectory.MAX_FILE_NAME_BYTES);
        CatalogException refusal = refused(catalog, WorkspaceInfo.named("w".repeat(300)));
        assertTrue(refusal.getMessage().contains("takes 300 bytes in UTF-8, the limit is 255 (maxFileNameBytes"), refusal.getMessage());
        assertEquals(Set.of(), Fixtures.files(root), "nothing written");
    }

    @Test
    void bytesInUtf8AreCountedNotCharacters() throws IOException {
        CatalogImpl catalog = catalog(DataDirectory.MAX_FILE_NAME_BYTES);
        refused(catalog, WorkspaceInfo.named("\u00e9".repeat(128))); // 256 bytes
        String fits = "\u00e9".repeat(127) + "x"; // 255 bytes
        catalog.add(WorkspaceInfo.named(fits));
        assertNotNull(Fixtures.load(root).getWorkspaceByName(fits), "written, and loads again");
    }

    @Test
    void aFileNamedAfterItsObjectCountsItsSuffix() throws IOException {
        CatalogImpl catalog = catalog(DataDirectory.MAX_FILE_NAME_BYTES);
        CatalogException refusal = refused(catalog, style("s".repeat(252)));
        assertTrue(refusal.getMessage().contains("with '.xml' it takes 256 bytes"), refusal.getMessage());
        String fits = "s".repeat(251);
        catalog.add(style(fits));
        assertNotNull(Fixtures.load(root).getStyleByName(null, fits));
        assertNull(catalog.getStyleByName(null, "s".repeat(252)));
    }

    @Test
    void aLowerConfiguredLimitHolds() {
        CatalogImpl catalog = catalog(32);
        CatalogException refusal = refused(catalog, WorkspaceInfo.named("w".repeat(33)));
        assertTrue(refusal.getMessage().contains("the limit is 32"), refusal.getMessage());
        catalog.add(WorkspaceInfo.named("w".repeat(32)));
    }

    @Test
    void temporaryFilesFitWhereverTheirFileFits() {
        String longest = "\u00e9".repeat(127) + "x";
        assertTrue(AtomicFiles.tempName(longest).getBytes(StandardCharsets.UTF_8).length <= DataDirectory.MAX_FILE_NAME_BYTES);
        assertTrue(AtomicFiles.tempName("layer.xml").startsWith(".layer.xml."), "short names stay recognisable");
    }

    private static StyleInfo style(String name) {
        StyleInfo style = new StyleInfo();
        style.setName(name);
        return style;
    }
}
