package org.geoserver.cluster.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geoserver.cluster.api.HybridLogicalClock;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.geoserver.cluster.core.internal.JournaledReplicationLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerUpdateSequenceTest {

    /** 2026-12-04T13:00:00Z as a hybrid logical time with counter 0. */
    private static final long T = 1796389200000L << 16;
    private static final long MILLI = 1L << 16;

    private record Change(String objectId, Version version) {}

    @Test
    void everyAppliedChangeIncreasesIt(@TempDir Path folder) {
        ReplicationLedger ledger = new JournaledReplicationLedger(() -> folder);
        LedgerUpdateSequence sequence = new LedgerUpdateSequence(ledger);
        long before = sequence.current();
        List<Runnable> changes = List.of(
                () -> ledger.advance("ws-1", new Version(T, "node-a")), // an addition here
                () -> ledger.advance("ws-1", new Version(T + 5000 * MILLI, "node-a")), // a modification
                () -> ledger.advanceHeld("store-1", new Version(T + 10 * MILLI, "node-b")), // another node's, older than the latest
                () -> ledger.advance("ws-1", new Version(T + 5000 * MILLI + 1, "node-b")), // same millisecond, next counter
                () -> ledger.advance("store-1", new Version(T + 20 * MILLI, "node-c")), // a removal: its tombstone
                () -> ledger.advance("layer-1", new Version(T - 3600_000 * MILLI, "node-c")), // an hour older than all
                () -> ledger.advance("ws-1", new Version(T + 5001 * MILLI, "node-a")), // next millisecond, counter back to 0
                () -> ledger.merge(Map.of("style-1", new Version(T + 7 * MILLI, "node-d")), Map.of("node-d", 1L))); // a snapshot's
        for (Runnable change : changes) {
            change.run();
            long after = sequence.current();
            assertTrue(after > before, "after a change " + after + " > " + before);
            before = after;
        }
        ledger.advance("ws-1", new Version(T, "node-a"));
        assertEquals(before, sequence.current(), "a change older than the known version is not applied and does not move it");
        assertEquals(before, new LedgerUpdateSequence(new JournaledReplicationLedger(() -> folder)).current(), "after a restart: the ledger kept it");
    }

    @Test
    void nodesWithTheSameChangesInAnyOrderReportTheSameValue(@TempDir Path folder) {
        long seed = System.nanoTime();
        System.out.println("LedgerUpdateSequenceTest seed " + seed);
        Random random = new Random(seed);
        List<Change> changes = new ArrayList<>();
        long clock = T;
        for (int i = 0; i < 300; i++) {
            // As a hybrid logical clock: times never repeat, the counter moves within a millisecond
            // (here up to the steps the value tells apart) and starts again at 0 in a later one.
            boolean sameMilli = random.nextInt(4) == 0 && HybridLogicalClock.counter(clock) < LedgerUpdateSequence.STEPS - 1;
            clock = sameMilli ? clock + 1 : (HybridLogicalClock.millis(clock) + 1 + random.nextInt(5000)) << 16;
            changes.add(new Change("object-" + random.nextInt(40), new Version(clock, "node-" + random.nextInt(3))));
        }
        ReplicationLedger first = new JournaledReplicationLedger(() -> folder.resolve("first"));
        ReplicationLedger second = new JournaledReplicationLedger(() -> folder.resolve("second"));
        List<Change> shuffled = new ArrayList<>(changes);
        Collections.shuffle(shuffled, random);
        feed(first, changes);
        feed(second, shuffled);
        long value = new LedgerUpdateSequence(first).current();
        assertEquals(value, new LedgerUpdateSequence(second).current(), "seed " + seed);

        ReplicationLedger third = new JournaledReplicationLedger(() -> folder.resolve("third"));
        feed(third, shuffled.subList(0, 100));
        third.merge(first.versions(), first.progress());
        assertEquals(value, new LedgerUpdateSequence(third).current(), "a node resynced from a snapshot, seed " + seed);
    }

    /** Applies each change the ledger takes as newer, checking that each one increases the value. */
    private static void feed(ReplicationLedger ledger, List<Change> changes) {
        LedgerUpdateSequence sequence = new LedgerUpdateSequence(ledger);
        long before = sequence.current();
        for (Change change : changes) {
            boolean applies = ledger.isNewer(change.objectId(), change.version());
            ledger.advance(change.objectId(), change.version());
            long after = sequence.current();
            if (applies) {
                assertTrue(after > before, change + ": " + after + " > " + before);
            } else {
                assertEquals(before, after, change + " is skipped");
            }
            before = after;
        }
    }

    @Test
    void weightsFollowTheOrderOfVersions() {
        assertEquals(0, LedgerUpdateSequence.weight(new Version(LedgerUpdateSequence.EPOCH_MILLIS << 16, "a")));
        assertEquals(LedgerUpdateSequence.STEPS + 3, LedgerUpdateSequence.weight(new Version(((LedgerUpdateSequence.EPOCH_MILLIS + 1) << 16) + 3, "a")));
        assertEquals(LedgerUpdateSequence.STEPS - 1, LedgerUpdateSequence.weight(new Version((LedgerUpdateSequence.EPOCH_MILLIS << 16) + 200, "a")),
                "counters beyond the steps of one millisecond weigh the same");
        assertEquals(Long.MAX_VALUE, LedgerUpdateSequence.of(Collections.nCopies(5000, new Version(Long.MAX_VALUE, "a"))),
                "saturates instead of wrapping around");
    }
}
