package org.geoserver.cluster.api;

/** An event could not be sent or received; nothing was lost, the caller retries. */
public class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
