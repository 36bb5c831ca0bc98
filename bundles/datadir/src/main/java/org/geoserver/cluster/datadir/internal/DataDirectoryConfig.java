package org.geoserver.cluster.datadir.internal;

import org.geoserver.cluster.datadir.api.DataDirectory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "GeoServer data directory",
        description = "Where this node keeps its GeoServer configuration. A change of the location reloads the catalog from the new folder.")
public @interface DataDirectoryConfig {

    @AttributeDefinition(
            name = "Path",
            required = false,
            description = "Folder of the data directory; relative paths are relative to ${karaf.home}. Ignored when the GEOSERVER_DATA_DIR"
                    + " system property or environment variable is set. Empty: ${karaf.home}/geoserver-data.")
    String path() default "";

    @AttributeDefinition(
            name = "Longest file name (bytes)",
            description = "The most UTF-8 bytes a file or folder name made of an object's name may take, with its suffix (.xml): a workspace,"
                    + " store, layer, style or layer group whose name does not fit is refused (REST answers 400). The file system's limit"
                    + " (255 on ext4, XFS, NTFS, APFS) is the most that works.")
    int maxFileNameBytes() default DataDirectory.MAX_FILE_NAME_BYTES;
}
