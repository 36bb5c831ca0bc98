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

    /** Tells the other nodes this node's status, best effort (not persistent: a newer one follows). */
    void publishStatus(NodeStatus status) throws TransportException;

    /**
     * Hands the statuses other nodes of the group publish to the listener, until the returned handle
     * is closed. (A subscription rather than a whiteboard: the listener also publishes through this
     * transport, and the two must not wait for each other to start.)
     */
    AutoCloseable subscribeStatus(StatusListener listener);

    /**
     * Asks one node of the group something (a snapshot, object digests) and waits for its answer.
     *
     * @param node the instance name of the node asked
     * @param subject what is asked; the node's {@link RequestResponder} interprets it
     * @throws TransportException when not connected, when the node does not answer within the
     *     timeout, or when it answered with an error (the message says which)
     */
    byte[] request(String node, String subject, byte[] body, java.time.Duration timeout) throws TransportException;

    /** Answers the requests of other nodes with the responder, until the returned handle is closed. */
    AutoCloseable serveRequests(RequestResponder responder);

    /** True while connected to the broker. */
    boolean isConnected();

    /** For status output: the broker address and the destinations in use. */
    String describe();
}
