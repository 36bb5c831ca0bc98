package org.geoserver.cluster.management.internal;

import java.util.Map;
import org.geoserver.cluster.api.HybridLogicalClock;

/**
 * How far a node is behind another one's changes: the events the other published that it has not
 * handled, and for how long it has been behind.
 */
final class Lag {

    private Lag() {}

    /**
     * @param published the last sequence the origin published since it started (0: none, so nothing to be behind on)
     * @param handled the last sequence of the origin's the node handled, null when unknown
     */
    static long events(long published, Long handled) {
        return published <= 0 || handled == null ? 0 : Math.max(0, published - handled);
    }

    /**
     * This node's lag behind a peer in seconds: since the creation of the last event handled from
     * it (the event being late), or since {@code fallbackMillis} when none was handled since.
     */
    static double secondsBehind(long behindEvents, Map<String, Long> lastHandled, String peer, long now, long fallbackMillis) {
        if (behindEvents == 0) {
            return 0;
        }
        Long last = lastHandled.get(peer);
        long since = last == null ? fallbackMillis : HybridLogicalClock.millis(last);
        return Math.max(0, now - since) / 1000.0;
    }
}
