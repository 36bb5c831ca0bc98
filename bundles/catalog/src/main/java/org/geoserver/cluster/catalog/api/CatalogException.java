package org.geoserver.cluster.catalog.api;

/** A change the catalog refused; nothing was changed. The message names the object and the problem. */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused, so that callers (REST) can answer with the right status. */
    public enum Reason {
        /** The object or a reference does not exist. */
        NOT_FOUND,
        /** Another object already has that name or id. */
        DUPLICATE,
        /** A required property is missing or has an invalid value. */
        INVALID,
        /** Other objects still depend on it (remove it recursively). */
        IN_USE,
        /** Writing the data directory failed. */
        PERSISTENCE
    }

    private final Reason reason;

    public CatalogException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CatalogException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
