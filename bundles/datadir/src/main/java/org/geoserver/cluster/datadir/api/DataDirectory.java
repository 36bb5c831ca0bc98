package org.geoserver.cluster.datadir.api;

import java.nio.file.Path;

/**
 * The GeoServer data directory of this node: the folder the catalog is loaded from and written to.
 * Registered once the directory is located; its root changes when the configuration points it
 * elsewhere (the catalog is then reloaded from there).
 */
public interface DataDirectory {

    /** The absolute path of the data directory's folder. */
    Path root();
}
