package org.geoserver.cluster.api;

/**
 * Decides whether a change applied from another node is written to this node's data directory:
 * yes with a private data directory, no with a directory shared with the node that wrote it.
 */
public interface PersistencePolicy {

    /** @param origin instance name of the node the change comes from, null for a local change */
    boolean writes(String origin);
}
