package org.geoserver.cluster.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.JoinStatus;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.api.testing.TestEventTransport;
import org.geoserver.cluster.core.internal.JournaledReplicationLedger;
import org.junit.jupiter.api.Test;

/** A joining node takes the snapshot of a peer that holds configuration, or finds that it is the first of its cluster. */
class DigestExchangeJoiningTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> resyncs = new CopyOnWriteArrayList<>();
    private final List<String> settled = new CopyOnWriteArrayList<>();
    private volatile boolean joining = true;
    private DigestExchange exchange;
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path state;

    @org.junit.jupiter.api.BeforeEach
    void joiningNode() {
        ConfigurationDigest digest = new ConfigurationDigest() {
            @Override
            public String digest() {
                return "empty";
            }

            @Override
            public Map<String, String> digestsByType() {
                return Map.of("style", "s");
            }

            @Override
            public Map<String, String> digestsById() {
                return Map.of();
            }
        };
        exchange = new DigestExchange(new TestClusterConfiguration(TestClusterConfiguration.settings("node-b", "g", "")), digest,
                new JournaledReplicationLedger(() -> state), now::get);
        exchange.setTransport(new TestEventTransport(0));
        exchange.resync = (node, reason) -> {
            resyncs.add(reason);
            return CompletableFuture.completedFuture("done");
        };
        exchange.join = new JoinStatus() {
            @Override
            public boolean joining() {
                return joining;
            }

            @Override
            public void settle(String reason) {
                settled.add(reason);
                joining = false;
            }
        };
    }

    private static NodeStatus peer(String name, String digest, boolean syncing) {
        return peer(name, digest, syncing, false);
    }

    private static NodeStatus peer(String name, String digest, boolean syncing, boolean readOnly) {
        return new NodeStatus(name, "g", digest, 0, 1, Map.of("style", digest), 0, 0, false, readOnly, true, true, 0, 0, Map.of(), Map.of(), syncing);
    }

    @Test
    void aReadOnlyPeerIsASourceOnlyWhenNoOtherShowsUp() {
        exchange.settleWhenFirst();
        exchange.statusReceived(peer("node-c", "configured", false, true));
        assertTrue(resyncs.isEmpty(), "its files may lack style files");
        now.addAndGet(DigestExchange.FIRST_NODE_MILLIS);
        exchange.statusReceived(peer("node-c", "configured", false, true));
        assertEquals(1, resyncs.size(), "no other came: it is the source");
    }

    @Test
    void itsStatusSaysItIsSyncing() {
        assertTrue(exchange.status().syncing());
        joining = false;
        assertFalse(exchange.status().syncing());
    }

    @Test
    void aPeerHoldingConfigurationIsTheSourceEvenWithoutHistory() {
        // An adopted data directory: the peer never captured a change (versions 0), and is not joining.
        exchange.statusReceived(peer("node-a", "configured", false));
        assertEquals(List.of("this node never took part in the cluster and joins it without configuration of its own: node node-a holds some"), resyncs);
        assertTrue(settled.isEmpty(), "joined once the snapshot is installed");
    }

    @Test
    void aPeerWithTheSameConfigurationEndsTheJoiningAtOnce() {
        exchange.statusReceived(peer("node-a", "empty", false));
        assertTrue(resyncs.isEmpty());
        assertEquals(List.of("its configuration is the same as node node-a's"), settled);
    }

    @Test
    void aJoiningPeerIsNoSource() {
        exchange.statusReceived(peer("node-a", "other", true));
        assertTrue(resyncs.isEmpty());
        assertTrue(settled.isEmpty());
    }

    @Test
    void aNodeAloneIsTheFirstOfItsClusterAfterTheTimeout() {
        exchange.settleWhenFirst();
        now.addAndGet(DigestExchange.FIRST_NODE_MILLIS - 1);
        exchange.settleWhenFirst();
        assertTrue(settled.isEmpty(), "not before the timeout");
        now.addAndGet(1);
        exchange.settleWhenFirst();
        assertEquals(1, settled.size());
        assertTrue(settled.get(0).contains("first of its cluster"), settled.get(0));
    }

    @Test
    void amongJoiningNodesTheSmallestNameIsTheFirstAfterOneInterval() {
        exchange.settleWhenFirst();
        exchange.statusReceived(peer("node-c", "empty", true));
        now.addAndGet(DigestExchange.INTERVAL_MILLIS);
        exchange.settleWhenFirst();
        assertEquals(1, settled.size(), "node-b < node-c");

        joining = true;
        settled.clear();
        exchange.statusReceived(peer("node-a", "empty", true));
        exchange.settleWhenFirst();
        assertTrue(settled.isEmpty(), "node-a is smaller: it is the first, and this node takes its snapshot");
    }
}
