package org.geoserver.cluster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournaledReplicationLedgerTest {

    @TempDir
    Path data;

    @Test
    void laterVersionsWinAndTiesGoToTheGreaterOrigin() {
        JournaledReplicationLedger ledger = new JournaledReplicationLedger(() -> data);
        assertTrue(ledger.isNewer("ws1", new Version(10, "a")));
        ledger.advance("ws1", new Version(10, "a"));
        assertFalse(ledger.isNewer("ws1", new Version(9, "z")));
        assertTrue(ledger.isNewer("ws1", new Version(10, "b")), "same time: the greater instance name wins");
        assertFalse(ledger.isNewer("ws1", new Version(10, "a")), "the same version is not newer");
        ledger.advance("ws1", new Version(5, "z"));
        assertEquals(new Version(10, "a"), ledger.version("ws1").orElseThrow(), "advance keeps the later version");
    }

    @Test
    void survivesARestartIncludingAJournalCutMidLine() throws Exception {
        JournaledReplicationLedger ledger = new JournaledReplicationLedger(() -> data);
        ledger.advance("ws1", new Version(10, "a"));
        ledger.advance("ws1", new Version(20, "b"));
        ledger.handled("b", 7);
        ledger.handled("b", 3);
        Files.writeString(data.resolve("ledger"), "v 12", StandardOpenOption.APPEND);

        JournaledReplicationLedger restarted = new JournaledReplicationLedger(() -> data);
        assertEquals(new Version(20, "b"), restarted.version("ws1").orElseThrow());
        assertEquals(7, restarted.lastSequence("b"));
        assertEquals(0, restarted.lastSequence("c"));
        assertEquals(Map.of("b", 7L), restarted.progress());
    }

    @Test
    void heldEntriesCountAtOnceAndSurviveARestartOnlyOnceKept() throws Exception {
        JournaledReplicationLedger ledger = new JournaledReplicationLedger(() -> data);
        ledger.advance("local", new Version(5, "a"));
        ledger.advanceHeld("ws1", new Version(10, "b"));
        ledger.handledHeld("b", 7);
        assertEquals(7, ledger.lastSequence("b"), "known at once");
        assertFalse(ledger.isNewer("ws1", new Version(10, "b")));
        // What a crash now leaves: the journal as it is (a copy, since opening a ledger compacts its journal).
        Path crash = Files.createDirectories(data.resolve("crash"));
        Files.copy(data.resolve("ledger"), crash.resolve("ledger"));
        JournaledReplicationLedger crashed = new JournaledReplicationLedger(() -> crash);
        assertEquals(0, crashed.lastSequence("b"), "not kept before keepHeld");
        assertTrue(crashed.isNewer("ws1", new Version(10, "b")));
        assertFalse(crashed.isNewer("local", new Version(5, "a")), "what is not held is kept at once");
        ledger.keepHeld();
        JournaledReplicationLedger restarted = new JournaledReplicationLedger(() -> data);
        assertEquals(7, restarted.lastSequence("b"));
        assertFalse(restarted.isNewer("ws1", new Version(10, "b")));
    }

    @Test
    void mergeKeepsTheLaterOfEachAndSurvivesARestart() throws Exception {
        JournaledReplicationLedger ledger = new JournaledReplicationLedger(() -> data);
        ledger.advance("ws1", new Version(10, "a"));
        ledger.advance("ws2", new Version(30, "a"));
        ledger.handled("b", 7);
        ledger.merge(Map.of("ws1", new Version(20, "b"), "ws2", new Version(25, "b"), "gone", new Version(5, "c")), Map.of("b", 3L, "c", 4L));
        Map<String, Version> expected = Map.of("ws1", new Version(20, "b"), "ws2", new Version(30, "a"), "gone", new Version(5, "c"));
        assertEquals(expected, ledger.versions());
        assertEquals(Map.of("b", 7L, "c", 4L), ledger.progress());
        ledger.close();

        JournaledReplicationLedger restarted = new JournaledReplicationLedger(() -> data);
        assertEquals(expected, restarted.versions());
        assertEquals(Map.of("b", 7L, "c", 4L), restarted.progress());
    }
}
