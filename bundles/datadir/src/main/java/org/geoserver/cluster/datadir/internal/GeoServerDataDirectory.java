package org.geoserver.cluster.datadir.internal;

import java.nio.file.Path;
import org.geoserver.cluster.datadir.api.DataDirectory;
import org.geoserver.cluster.datadir.internal.DataDirectoryLocator.Location;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the data directory is. Depends on nothing but its configuration, so that the writer of the
 * data directory (which the catalog uses) never waits for the catalog: the catalog is loaded by
 * {@link DataDirectoryCatalogLoader}, from the same configuration.
 */
@Component(service = DataDirectory.class, configurationPid = GeoServerDataDirectory.PID)
@Designate(ocd = DataDirectoryConfig.class)
public class GeoServerDataDirectory implements DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(GeoServerDataDirectory.class);

    /** Config Admin PID, file etc/org.geoserver.datadir.cfg. */
    public static final String PID = "org.geoserver.datadir";

    private final DataDirectoryLocator locator;
    private volatile Location location;
    private volatile int maxFileNameBytes;

    @Activate
    public GeoServerDataDirectory(DataDirectoryConfig config) {
        this(config, DataDirectoryLocator.system());
    }

    GeoServerDataDirectory(DataDirectoryConfig config, DataDirectoryLocator locator) {
        this.locator = locator;
        this.location = locator.locate(config.path());
        this.maxFileNameBytes = maxFileNameBytes(config);
    }

    @Modified
    void modified(DataDirectoryConfig config) {
        location = locator.locate(config.path());
        maxFileNameBytes = maxFileNameBytes(config);
    }

    private static int maxFileNameBytes(DataDirectoryConfig config) {
        if (config.maxFileNameBytes() < 16) {
            LOG.warn("maxFileNameBytes = {} in {} is too small for any name; using {}", config.maxFileNameBytes(), PID, MAX_FILE_NAME_BYTES);
            return MAX_FILE_NAME_BYTES;
        }
        return config.maxFileNameBytes();
    }

    @Override
    public int maxFileNameBytes() {
        return maxFileNameBytes;
    }

    @Override
    public Path root() {
        return location.path();
    }
}
