package org.geoserver.cluster.api;

import java.time.Duration;

/**
 * The part of the transport that carries request and reply between two nodes (snapshots, object
 * digests, remote control); the requests this node answers go to the {@link RequestResponder}
 * marked with their {@link RequestSubject}.
 */
public interface RequestChannel {

    /**
     * Asks one node of the group something and waits for its answer.
     *
     * @param node the instance name of the node asked
     * @param subject what is asked; the node's {@link RequestResponder} interprets it
     * @throws TransportException when not connected, when the node does not answer within the
     *     timeout, or when it answered with an error (the message says which)
     */
    byte[] request(String node, String subject, byte[] body, Duration timeout) throws TransportException;

    /** Answers the requests of other nodes with the responder, until the returned handle is closed. */
    AutoCloseable serveRequests(RequestResponder responder);

    /** True while connected to the broker. */
    boolean isConnected();
}
