package org.geoserver.cluster.catalog.api;

/**
 * Told about every committed change of every catalog and configuration object (whiteboard: register
 * an implementation as an OSGi service), one call at a time, in commit order: a change made on this
 * node once its files are on disk, outside the catalog's lock, before its writer is answered; a
 * change from another node while the catalog is locked. Keep it short. An exception is logged and
 * does not undo the change.
 */
@FunctionalInterface
public interface CatalogListener {

    void changed(ChangeEvent event);

    /**
     * Makes durable what {@link #changed} kept of the local changes told since the last call (they
     * are told in groups, written together): called before their writers are answered.
     */
    default void flush() {}

    /** The whole content was replaced (load of the data directory, resync from a peer). */
    default void reloaded() {}
}
