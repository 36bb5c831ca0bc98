package org.geoserver.cluster.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the node keeps its cluster state. */
@ObjectClassDefinition(name = "GeoServer Cluster state folder",
        description = "The folder of this node's cluster state. A change restarts the cluster components on the new folder; the old one is left as it is.")
@interface StateFolderConfig {

    String PID = "org.geoserver.cluster.state";

    @AttributeDefinition(name = "Folder", required = false,
            description = "Absolute path of the folder holding the outbox, the ledger, the kept events and the instance name. Empty: ${karaf.data}/cluster.")
    String folder() default "";
}
