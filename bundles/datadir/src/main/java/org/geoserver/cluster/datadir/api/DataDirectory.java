package org.geoserver.cluster.datadir.api;

import java.nio.file.Path;

/**
 * The GeoServer data directory of this node: the folder the catalog is loaded from and written to.
 * Registered once the directory is located; its root changes when the configuration points it
 * elsewhere (the catalog is then reloaded from there).
 */
public interface DataDirectory {

    /** What a file name may hold on the usual file systems (ext4, XFS, NTFS, APFS): 255 bytes. */
    int MAX_FILE_NAME_BYTES = 255;

    /** The absolute path of the data directory's folder. */
    Path root();

    /**
     * The most UTF-8 bytes a file or folder name made of an object's name may take, its suffix
     * ({@code .xml}) included: an object whose name does not fit is refused before it is accepted.
     */
    default int maxFileNameBytes() {
        return MAX_FILE_NAME_BYTES;
    }
}
