package org.geoserver.cluster.datadir.internal;

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
}
