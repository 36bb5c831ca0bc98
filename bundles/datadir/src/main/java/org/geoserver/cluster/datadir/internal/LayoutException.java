package org.geoserver.cluster.datadir.internal;

/** An object whose place in the data directory cannot be computed; the message names the object and the reason. */
final class LayoutException extends Exception {

    private static final long serialVersionUID = 1L;

    LayoutException(String message) {
        super(message);
    }
}
