package org.geoserver.cluster.broker.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The ActiveMQ broker that runs inside this node. Registered while the broker component is active,
 * whether or not the broker itself is running (it may be disabled or have failed to start).
 */
public interface EmbeddedBroker {

    /** Name of the broker, unique within a network of brokers. */
    String brokerName();

    /** True while the broker accepts connections. */
    boolean isRunning();

    /**
     * The addresses clients can connect to, with the actual port when the configuration asked for
     * port 0. Empty while the broker is not running.
     */
    List<URI> connectorUris();

    /** The reason the last (re)configuration failed, empty when it succeeded. */
    Optional<String> lastError();
}
