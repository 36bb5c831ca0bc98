package org.geoserver.cluster.api;

/** Receives the events of other nodes (the applier). */
public interface EventHandler {

    /**
     * Applies an event, or keeps it durably to apply later (its references have not arrived) or to
     * inspect (it cannot be applied at all). Returning normally lets the transport acknowledge it.
     *
     * @throws Exception when the event could not even be kept: the transport must deliver it again
     */
    void handle(ClusterEvent event) throws Exception;

    /**
     * Makes durable what the events handled since the last call changed; the transport calls it
     * before it acknowledges them to the broker.
     *
     * @throws Exception when that failed: the transport must deliver those events again
     */
    default void flush() throws Exception {}
}
