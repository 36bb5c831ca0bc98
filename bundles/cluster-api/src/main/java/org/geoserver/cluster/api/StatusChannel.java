package org.geoserver.cluster.api;

/** The part of the transport that carries node statuses: best effort, a newer one follows every few seconds. */
public interface StatusChannel {

    /** Tells the other nodes this node's status, best effort (not persistent: a newer one follows). */
    void publishStatus(NodeStatus status) throws TransportException;

    /**
     * Hands the statuses other nodes of the group publish to the listener, until the returned handle
     * is closed. (A subscription rather than a whiteboard: the listener also publishes through this
     * channel, and the two must not wait for each other to start.)
     */
    AutoCloseable subscribeStatus(StatusListener listener);

    /** True while connected to the broker. */
    boolean isConnected();
}
