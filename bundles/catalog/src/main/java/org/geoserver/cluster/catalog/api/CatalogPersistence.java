package org.geoserver.cluster.catalog.api;

import java.util.List;

/**
 * Writes committed changes to durable storage (the data directory). The catalog calls the service
 * with the highest ranking after it applied a change in memory and before it tells listeners; an
 * exception undoes the change in memory and refuses it. Replaceable, so that the cluster can decide
 * whether changes applied from other nodes are written (private data directory) or not (shared).
 */
public interface CatalogPersistence {

    /**
     * @param changes the events of one change (a cascade can give several), in order
     * @param catalog the catalog as it is after the change, to resolve references (same thread)
     */
    void persist(List<ChangeEvent> changes, Catalog catalog) throws Exception;

    /**
     * Puts on disk the changes from other nodes persisted since the last call. Those may be written
     * later than {@link #persist} (a file changed many times in a batch is then written once) and
     * without waiting for the disk, so that a node applying many of them waits once per batch: the
     * cluster calls this before it acknowledges the batch to the broker, which keeps the events
     * until then. A local change is on disk when {@link #persist} returns.
     */
    default void sync() throws Exception {}
}
