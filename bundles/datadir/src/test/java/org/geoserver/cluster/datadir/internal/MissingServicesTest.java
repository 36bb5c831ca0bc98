package org.geoserver.cluster.datadir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory lacking service files, or with older ones lacking properties, is presented as GeoServer presents it. */
class MissingServicesTest {

    @TempDir
    Path root;

    @Test
    void everyServiceWithoutAFileGetsGeoServersDefaultsInMemoryAndAnOlderFileItsMissingProperties() throws Exception {
        Files.writeString(root.resolve("global.xml"), "<global>\n  <updateSequence>3</updateSequence>\n</global>\n", StandardCharsets.UTF_8);
        String oldWcs = "<wcs>\n  <id>wcs</id>\n  <enabled>true</enabled>\n  <name>WCS</name>\n  <custom>kept</custom>\n</wcs>\n";
        Files.writeString(root.resolve("wcs.xml"), oldWcs, StandardCharsets.UTF_8);

        CatalogImpl catalog = Fixtures.load(root);

        for (String service : DataDirectoryInitializer.SERVICES) {
            assertTrue(catalog.getService(service, null) != null, service + " is there");
        }
        ServiceInfo wmts = catalog.getService("wmts", null);
        assertEquals(new InfoXml().read(new String(DataDirectoryInitializer.class.getResourceAsStream("defaults/wmts.xml").readAllBytes(),
                StandardCharsets.UTF_8)).xml(), wmts.xml(), "GeoServer's defaults, as a new data directory gets them");
        ServiceInfo wcs = catalog.getService("wcs", null);
        assertEquals("false", wcs.xml().childText("latLon"));
        assertEquals("0", wcs.xml().childText("maxInputMemory"));
        assertEquals("0", wcs.xml().childText("maxOutputMemory"));
        assertEquals("kept", wcs.xml().childText("custom"), "what the description does not know stays");
        assertFalse(Files.exists(root.resolve("wmts.xml")), "nothing written while nothing changes");
        assertEquals(oldWcs, Files.readString(root.resolve("wcs.xml"), StandardCharsets.UTF_8), "the older file stays as it is until the service changes");
    }
}
