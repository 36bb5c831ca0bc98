package org.geoserver.cluster.api;

/**
 * Whether this node is still joining its cluster: it started with no configuration of its own and
 * has installed no peer's snapshot yet. Meanwhile it applies no single event of other nodes (they
 * wait until the snapshot is in, so that it never serves a configuration made of the latest changes
 * only), and its status says it is syncing.
 */
public interface JoinStatus {

    boolean joining();

    /**
     * Ends the joining without a snapshot, when there is none to take (no peer holds configuration:
     * this node is the first of its cluster); the events kept meanwhile apply now.
     *
     * @param reason for the log
     */
    void settle(String reason);
}
