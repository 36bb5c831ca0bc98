package org.geoserver.cluster.datadir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class DataDirectoryInitializerTest {

    @TempDir
    Path temp;

    @Test
    void anEmptyFolderGetsGeoServersDefaultFilesAndNothingElse() throws Exception {
        Path root = temp.resolve("new");
        assertTrue(DataDirectoryInitializer.initializeIfEmpty(root));

        assertEquals(Set.of("global.xml", "logging.xml", "wms.xml", "wfs.xml", "wcs.xml", "wmts.xml",
                "styles/point.xml", "styles/default_point.sld", "styles/line.xml", "styles/default_line.sld",
                "styles/polygon.xml", "styles/default_polygon.sld", "styles/raster.xml", "styles/raster.sld",
                "styles/generic.xml", "styles/generic.sld"), Fixtures.files(root));

        DataDirectoryLoader.Result result = Fixtures.LOADER.load(root);
        assertEquals(List.of(), result.problems());
        CatalogImpl catalog = new CatalogImpl();
        assertEquals(List.of(), catalog.replaceAll(result.objects()));
        assertEquals(List.of(), catalog.list(WorkspaceInfo.class));
        Set<String> services = new TreeSet<>();
        catalog.list(ServiceInfo.class).forEach(s -> services.add(s.getServiceType()));
        assertEquals(Set.of("wms", "wfs", "wcs", "wmts"), services);
        assertEquals(0, catalog.getGlobal().getUpdateSequence());
        assertEquals("DEFAULT_LOGGING", catalog.getLogging().getLevel());
        assertEquals(11, result.objects().size(), "global, logging, 4 services and 5 styles");

        DataDirectoryPersister styleFiles = Fixtures.persister(root);
        Set<String> names = new TreeSet<>();
        for (StyleInfo style : catalog.list(StyleInfo.class)) {
            names.add(style.getName());
            assertTrue(style.getId().startsWith("StyleInfoImpl-"), style.getId());
            assertEquals("sld", style.getFormat());
            byte[] body = styleFiles.read(style, catalog).orElseThrow();
            Element sld = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            assertEquals("StyledLayerDescriptor", sld.getTagName(), style.getFilename());
            assertEquals("1.0.0", sld.getAttribute("version"), style.getFilename());
        }
        assertEquals(Set.of("point", "line", "polygon", "raster", "generic"), names);
        assertEquals(Set.of("default_point.sld", "default_line.sld", "default_polygon.sld", "raster.sld", "generic.sld"),
                new TreeSet<>(catalog.list(StyleInfo.class).stream().map(StyleInfo::getFilename).toList()));
    }

    @Test
    void aFolderWithAnythingInItIsLeftAlone() throws IOException {
        Files.writeString(temp.resolve("notes.txt"), "mine");
        assertFalse(DataDirectoryInitializer.initializeIfEmpty(temp));
        assertEquals(Set.of("notes.txt"), Fixtures.files(temp));
    }

    @Test
    void anExistingEmptyFolderIsInitialised() throws IOException {
        assertTrue(DataDirectoryInitializer.initializeIfEmpty(temp));
        assertEquals(DataDirectoryInitializer.DEFAULT_FILES.size(), Fixtures.files(temp).size());
    }
}
