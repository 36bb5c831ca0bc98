package org.geoserver.cluster.api;

/**
 * Answers what other nodes ask this one through {@link EventTransport#request}: a service marked
 * with {@link RequestSubject}, one per subject, called for the requests of its subject only.
 */
public interface RequestResponder {

    /**
     * @param from the asking node
     * @throws Exception when it cannot answer; the asking node gets the message
     */
    byte[] respond(String from, String subject, byte[] body) throws Exception;
}
