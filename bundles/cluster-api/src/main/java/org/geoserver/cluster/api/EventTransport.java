package org.geoserver.cluster.api;

/**
 * Carries events between nodes. Incoming events go to the {@link EventHandler} service; the
 * transport acknowledges a message to its broker only after the handler returned normally.
 */
public interface EventTransport {

    /**
     * Sends an event; returns once the broker has it safely (persistent delivery).
     *
     * @throws TransportException when it could not be sent; the caller keeps it and retries
     */
    void publish(ClusterEvent event) throws TransportException;

    /** True while connected to the broker. */
    boolean isConnected();

    /** For status output: the broker address and the destinations in use. */
    String describe();
}
