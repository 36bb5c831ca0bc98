package org.geoserver.cluster.catalog.api;

import java.util.List;

/**
 * Writes committed changes to durable storage (the data directory). The catalog calls the service
 * with the highest ranking after it applied a change in memory, under its lock: {@link #persist}
 * plans the change's files, and an exception undoes the change in memory and refuses it. The files
 * are written by {@link #sync}, outside the lock: for local changes by the catalog before it tells
 * listeners and answers (several changes together), for changes from other nodes by the cluster.
 * Replaceable, so that the cluster can decide whether changes applied from other nodes are written
 * (private data directory) or not (shared).
 */
public interface CatalogPersistence {

    /**
     * Plans the files of one change without waiting for the disk (the catalog is locked meanwhile).
     *
     * @param changes the events of one change (a cascade can give several), in order
     * @param catalog the catalog as it is after the change, to resolve references (same thread)
     * @throws CatalogException when the change can never be stored (nothing is planned then)
     */
    void persist(List<ChangeEvent> changes, Catalog catalog) throws Exception;

    /**
     * Puts on disk, in order, every change persisted since the last call (a file changed many times
     * meanwhile is written once). The catalog calls it for local changes before it answers them; the
     * cluster for changes from other nodes before it acknowledges their batch to the broker, which
     * keeps the events until then. On failure the changes not written stay planned.
     */
    default void sync() throws Exception {}

    /**
     * Forgets the planned operations of these events not carried out yet: a failed {@link #sync}
     * made the catalog undo their changes in memory.
     */
    default void discard(List<ChangeEvent> events) {}
}
