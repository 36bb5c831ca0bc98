package org.geoserver.cluster.api;

import java.nio.file.Path;

/**
 * The one folder holding this node's cluster state: outbox, ledger, kept events, instance name. Each
 * component keeps its files in a place of its own below it; none falls back to another folder.
 */
public interface StateFolder {

    /** The folder, existing and writable. */
    Path path();
}
