package org.geoserver.cluster.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {

    private final AtomicLong wall = new AtomicLong(1_000);
    private final HybridLogicalClock clock = new HybridLogicalClock(wall::get);

    @Test
    void followsTheWallClockAndCountsWithinAMillisecond() {
        long a = clock.now();
        long b = clock.now();
        assertEquals(1_000, HybridLogicalClock.millis(a));
        assertEquals(1, HybridLogicalClock.counter(b));
        wall.set(2_000);
        long c = clock.now();
        assertEquals(2_000, HybridLogicalClock.millis(c));
        assertEquals(0, HybridLogicalClock.counter(c));
        assertTrue(a < b && b < c);
    }

    @Test
    void neverGoesBackwardsWhenTheWallClockDoes() {
        long before = clock.now();
        wall.set(10);
        assertTrue(clock.now() > before);
    }

    @Test
    void movesPastReceivedTimestampsFromFasterClocks() {
        HybridLogicalClock fast = new HybridLogicalClock(() -> 50_000);
        long remote = fast.now();
        clock.observe(remote);
        long local = clock.now();
        assertTrue(local > remote, "a change made after seeing a remote one is later, whatever the local wall clock says");
        assertEquals(50_000, HybridLogicalClock.millis(local));
    }
}
