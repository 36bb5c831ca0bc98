package org.geoserver.cluster.api;

/** A message that is not a well-formed, correctly signed cluster event. */
public class InvalidEventException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
