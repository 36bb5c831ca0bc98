package org.geoserver.cluster.datadir.internal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Decides where the data directory is, in GeoServer's order of precedence (system property, then
 * environment variable {@code GEOSERVER_DATA_DIR}; GeoServer's servlet context parameter has no
 * equivalent here), then the configured path, then the assembly's default folder.
 */
final class DataDirectoryLocator {

    /** The variable GeoServer reads, as a system property and as an environment variable. */
    static final String VARIABLE = "GEOSERVER_DATA_DIR";
    /** The assembly's default data directory, under {@code ${karaf.home}}. */
    static final String DEFAULT_FOLDER = "geoserver-data";

    /** Where the data directory is, and which setting said so (for the log). */
    record Location(Path path, String source) {
        @Override
        public String toString() {
            return path + " (" + source + ")";
        }
    }

    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;

    DataDirectoryLocator(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    static DataDirectoryLocator system() {
        return new DataDirectoryLocator(System::getProperty, System::getenv);
    }

    Location locate(String configuredPath) {
        String property = systemProperties.apply(VARIABLE);
        if (isSet(property)) {
            return new Location(absolute(property), "system property " + VARIABLE);
        }
        String variable = environment.apply(VARIABLE);
        if (isSet(variable)) {
            return new Location(absolute(variable), "environment variable " + VARIABLE);
        }
        if (isSet(configuredPath)) {
            return new Location(absolute(configuredPath), "path of " + GeoServerDataDirectory.PID);
        }
        return new Location(absolute(DEFAULT_FOLDER), "default folder");
    }

    /** Relative paths are taken from {@code ${karaf.home}}, where Karaf keeps its own folders (else the working directory). */
    private Path absolute(String path) {
        String home = systemProperties.apply("karaf.home");
        Path base = Path.of(isSet(home) ? home : "").toAbsolutePath();
        return base.resolve(path.trim()).normalize();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
