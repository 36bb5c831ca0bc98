package org.geoserver.cluster.catalog.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The data directories tests read. Ours, in the repository's {@code fixtures/} folder, are always
 * there. GeoServer's own sample data directories ({@code ../shared/fixtures} beside the repository)
 * are on some machines only: tests on them are an extra compatibility check, skipped elsewhere.
 */
public final class FixtureDirectories {

    /** Ours: current forms, every kind of catalog and configuration object. */
    public static final String CLUSTER_SAMPLE = "cluster-sample";
    /** Ours: older forms GeoServer still reads (settings at the top of global.xml, pre-2.3 layer groups...). */
    public static final String LEGACY_FORMS = "legacy-forms";
    /** Ours: a data directory as older GeoServer generations wrote it (pre-2.3 groups, a nested one, styles without format, services missing or lacking properties). */
    public static final String OLDER_GENERATIONS = "older-generations";
    /** Ours: the same objects as {@link #OLDER_GENERATIONS}, written in today's form. */
    public static final String OLDER_GENERATIONS_TODAY = "older-generations-today";
    /** GeoServer's samples: its release data directory, its minimal one, and geOrchestra's minimal one. */
    public static final String GEOSERVER_RELEASE = "geoserver-release";
    public static final String GEOSERVER_MINIMAL = "geoserver-minimal";
    public static final String GEORCHESTRA_MINIMAL = "georchestra-minimal";

    private static final List<String> OURS = List.of(CLUSTER_SAMPLE, LEGACY_FORMS, OLDER_GENERATIONS, OLDER_GENERATIONS_TODAY);

    private FixtureDirectories() {}

    /** The folder of ours: {@code test.fixtures.dir} as the build sets it, else the repository's fixtures/ seen from a bundle's folder. */
    public static Path ours() {
        return Path.of(System.getProperty("test.fixtures.dir", "../../fixtures"));
    }

    /**
     * The folder of GeoServer's samples ({@code fixtures.dir}). When it is not there the calling
     * test is skipped, and a line on stdout says so: a skip in a test report is easily missed.
     */
    public static Path geoServerSamples() {
        Path samples = Path.of(System.getProperty("fixtures.dir", "../../../shared/fixtures"));
        boolean present = Files.isDirectory(samples);
        String reason = samples.toAbsolutePath().normalize() + " not found; the compatibility checks on them do not run";
        if (!present) {
            System.out.println("SKIPPED (GeoServer sample data directories): " + reason);
        }
        Assumptions.assumeTrue(present, reason);
        return samples;
    }

    /** A data directory by name: one of ours, or one of GeoServer's samples (and then perhaps skipped). */
    public static Path directory(String name) {
        return OURS.contains(name) ? ours().resolve(name) : geoServerSamples().resolve(name);
    }
}
