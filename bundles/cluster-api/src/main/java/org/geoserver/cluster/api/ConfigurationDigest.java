package org.geoserver.cluster.api;

import java.util.Map;

/**
 * A fingerprint of this node's whole configuration, equal on two nodes exactly when they hold the
 * same objects with the same content, whatever the file formatting or the order objects were
 * created in.
 */
public interface ConfigurationDigest {

    /** The digest of everything, hex SHA-256. */
    String digest();

    /** One digest per object type (workspace, layer, wms, ...), for finding where two nodes differ. */
    Map<String, String> digestsByType();

    /** One digest per object id, for naming the objects that differ. */
    Map<String, String> digestsById();

    /** One digest per replicated resource kind, so that nodes compare only the kinds both have; empty when not known. */
    default Map<String, String> digestsByKind() {
        return Map.of();
    }
}
