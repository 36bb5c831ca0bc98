package org.geoserver.cluster.api;

import java.util.function.LongSupplier;

/**
 * A hybrid logical clock (Kulkarni et al.): timestamps follow wall-clock milliseconds but never go
 * backwards and always move past every timestamp received, so "later" is consistent across nodes
 * even with skewed clocks. A timestamp packs milliseconds (upper 48 bits) and a counter (lower 16).
 */
public final class HybridLogicalClock {

    private static final int COUNTER_BITS = 16;
    private static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;

    private final LongSupplier wallClock;
    private long last;

    public HybridLogicalClock() {
        this(System::currentTimeMillis);
    }

    public HybridLogicalClock(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    /** A timestamp for a local event, greater than every timestamp seen so far. */
    public synchronized long now() {
        long physical = wallClock.getAsLong() << COUNTER_BITS;
        last = physical > last ? physical : last + 1;
        return last;
    }

    /** Takes a received timestamp into account, so later local events order after it. */
    public synchronized void observe(long received) {
        if (received > last) {
            last = received;
        }
    }

    public static long millis(long timestamp) {
        return timestamp >>> COUNTER_BITS;
    }

    public static long counter(long timestamp) {
        return timestamp & COUNTER_MASK;
    }
}
