package org.geoserver.cluster.catalog.api;

/**
 * Told about every committed change of every catalog and configuration object (whiteboard: register
 * an implementation as an OSGi service). Called on the committing thread, in commit order, while
 * further changes wait: keep it short. An exception is logged and does not undo the change.
 */
@FunctionalInterface
public interface CatalogListener {

    void changed(ChangeEvent event);

    /** The whole content was replaced (load of the data directory, resync from a peer). */
    default void reloaded() {}
}
