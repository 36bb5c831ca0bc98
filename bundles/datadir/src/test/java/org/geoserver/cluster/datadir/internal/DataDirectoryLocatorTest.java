package org.geoserver.cluster.datadir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryLocatorTest {

    private static DataDirectoryLocator locator(Map<String, String> properties, Map<String, String> environment) {
        return new DataDirectoryLocator(properties::get, environment::get);
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentAndTheConfiguration() {
        DataDirectoryLocator.Location location = locator(Map.of("GEOSERVER_DATA_DIR", "/srv/property", "karaf.home", "/opt/karaf"),
                Map.of("GEOSERVER_DATA_DIR", "/srv/environment")).locate("/srv/configured");
        assertEquals(Path.of("/srv/property"), location.path());
        assertEquals("system property GEOSERVER_DATA_DIR", location.source());
    }

    @Test
    void theEnvironmentVariableWinsOverTheConfiguration() {
        DataDirectoryLocator.Location location = locator(Map.of(), Map.of("GEOSERVER_DATA_DIR", "/srv/environment")).locate("/srv/configured");
        assertEquals(Path.of("/srv/environment"), location.path());
        assertEquals("environment variable GEOSERVER_DATA_DIR", location.source());
    }

    @Test
    void theConfiguredPathIsUsedWithoutTheVariable() {
        assertEquals(Path.of("/srv/configured"), locator(Map.of("GEOSERVER_DATA_DIR", " "), Map.of()).locate("/srv/configured").path());
    }

    @Test
    void withoutAnySettingTheAssemblysFolderIsUsed() {
        DataDirectoryLocator.Location location = locator(Map.of("karaf.home", "/opt/karaf"), Map.of()).locate("");
        assertEquals(Path.of("/opt/karaf/geoserver-data"), location.path());
        assertEquals("default folder", location.source());
    }

    @Test
    void relativePathsAreTakenFromKarafHome() {
        assertEquals(Path.of("/opt/karaf/data/gs"), locator(Map.of("karaf.home", "/opt/karaf"), Map.of()).locate("data/gs").path());
        assertEquals(Path.of("/opt/karaf/other"), locator(Map.of("karaf.home", "/opt/karaf", "GEOSERVER_DATA_DIR", "../karaf/./other"), Map.of())
                .locate("").path());
    }
}
