package org.geoserver.cluster.api;

import java.util.concurrent.CompletableFuture;

/** Full resynchronisation of this node from a peer's snapshot (cluster:resync, autoResync). */
public interface ClusterResync {

    /**
     * Fetches a snapshot from a node and installs it; one resync at a time (a request while one
     * runs joins it).
     *
     * @param node the node to take it from; null for the best peer (the one most peers agree with)
     * @param reason for the log
     * @return completes with a one-line summary, or exceptionally with why it failed
     */
    CompletableFuture<String> resync(String node, String reason);
}
