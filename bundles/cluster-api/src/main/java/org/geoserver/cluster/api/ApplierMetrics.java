package org.geoserver.cluster.api;

import java.util.Map;

/** What the applier measured since the node started, for monitoring. */
public interface ApplierMetrics {

    /** Events deferred (waiting for objects they reference) since the node started. */
    long deferredTotal();

    /** Events kept as failed since the node started. */
    long failedTotal();

    /** Per origin node, the hybrid logical time ({@link HybridLogicalClock}) of the last event handled from it since the node started. */
    Map<String, Long> lastHandled();

    /** Seconds from an event's creation on its origin to its apply here. */
    Histogram applyLatency();
}
