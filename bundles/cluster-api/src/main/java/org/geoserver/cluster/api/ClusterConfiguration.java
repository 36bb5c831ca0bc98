package org.geoserver.cluster.api;

import java.util.Map;
import java.util.function.Consumer;

/** The live cluster configuration of this node. */
public interface ClusterConfiguration {

    /** The settings now in force. */
    ClusterSettings current();

    /**
     * Calls the listener with the current settings now and after every accepted change, until the
     * returned handle is closed.
     */
    AutoCloseable subscribe(Consumer<ClusterSettings> listener);

    /** Changes keys through Config Admin, so that they are also written to etc/org.geoserver.cluster.cfg. */
    void update(Map<String, String> changes) throws Exception;
}
