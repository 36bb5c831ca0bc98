package org.geoserver.cluster.api;

/**
 * Carries events between nodes, with the statuses and the request/reply of its other parts (a
 * component that needs only one part references that part's service, which the transport also
 * registers). Incoming events go to the {@link EventHandler} service; the transport acknowledges a
 * message to its broker only after the handler returned normally.
 */
public interface EventTransport extends StatusChannel, RequestChannel {

    /**
     * Sends an event; returns once the broker has it safely (persistent delivery).
     *
     * @throws TransportException when it could not be sent; the caller keeps it and retries
     */
    void publish(ClusterEvent event) throws TransportException;

    /** True while connected to the broker. */
    @Override
    boolean isConnected();

    /** For status output: the broker address and the destinations in use. */
    String describe();
}
