package org.geoserver.cluster.api;

/** Answers what other nodes ask this one through {@link EventTransport#request}. */
public interface RequestResponder {

    /**
     * @param from the asking node
     * @throws Exception when it cannot answer; the asking node gets the message
     */
    byte[] respond(String from, String subject, byte[] body) throws Exception;
}
