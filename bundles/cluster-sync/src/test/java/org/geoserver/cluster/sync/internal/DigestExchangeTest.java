package org.geoserver.cluster.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.core.internal.JournaledReplicationLedger;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.api.testing.TestEventTransport;
import org.junit.jupiter.api.Test;

class DigestExchangeTest {

    private String localDigest = "aaa";
    private Map<String, String> localKinds = Map.of();
    private final ConfigurationDigest digest = new ConfigurationDigest() {
        @Override
        public Map<String, String> digestsByKind() {
            return localKinds;
        }

        @Override
        public String digest() {
            return localDigest;
        }

        @Override
        public Map<String, String> digestsByType() {
            return Map.of("layer", localDigest, "style", "s");
        }

        @Override
        public Map<String, String> digestsById() {
            return Map.of();
        }
    };

    private final JournaledReplicationLedger ledger = new JournaledReplicationLedger(() -> data());
    private final DigestExchange exchange = new DigestExchange(new TestClusterConfiguration(TestClusterConfiguration.settings("node-a", "g", "")), digest,
            ledger, () -> 1000L);

    private static java.nio.file.Path data() {
        try {
            return java.nio.file.Files.createTempDirectory("digest-exchange");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void publishesThisNodesDigestThroughTheTransport() {
        TestEventTransport transport = new TestEventTransport(0);
        exchange.setTransport(transport);
        exchange.publish();
        assertEquals(List.of(new NodeStatus("node-a", "g", "aaa", 0, 1000L, Map.of("layer", "aaa", "style", "s"), 0, 0, false, false)), transport.statuses);
    }

    @Test
    void peersAreComparedWithThisNode() {
        exchange.statusReceived(new NodeStatus("node-c", "g", "aaa", 0, 1, Map.of("layer", "aaa", "style", "s"), 4, 0, false, false));
        exchange.statusReceived(new NodeStatus("node-b", "g", "bbb", 3, 1, Map.of("layer", "bbb", "style", "s"), 4, 0, false, false));
        assertEquals(List.of("node-b", "node-c"), exchange.peers().stream().map(p -> p.status().instanceName()).toList());
        assertFalse(exchange.peers().get(0).sameDigest());
        assertEquals(List.of("layer"), exchange.peers().get(0).differingTypes(), "names where the configurations differ");
        assertTrue(exchange.peers().get(1).sameDigest());
        localDigest = "bbb";
        exchange.statusReceived(new NodeStatus("node-b", "g", "bbb", 0, 2, Map.of("layer", "bbb", "style", "s"), 4, 0, false, false));
        assertTrue(exchange.peers().get(0).sameDigest());
    }

    @Test
    void aKindOnlyOneNodeHasIsNamedNotComparedAndNotADrift() throws Exception {
        recordResyncs();
        localKinds = Map.of("catalog", "c1");
        Map<String, Long> none = Map.of();
        for (int i = 0; i < 6; i++) {
            exchange.statusReceived(new NodeStatus("node-b", "g", "other", 0, 1, Map.of("layer", "aaa", "style", "s", "note", "n"), 4, 0, false, false,
                    true, true, 0, 0, none, Map.of("catalog", "c1", "notes", "n1")));
        }
        var known = exchange.peers().get(0);
        assertTrue(known.sameDigest(), "the kinds both have are the same");
        assertEquals(List.of("notes"), known.kindsMissingHere());
        assertEquals(List.of(), known.kindsMissingThere());
        awaitResyncs(1);
        assertTrue(resyncs.isEmpty(), "a missing kind is not a drift: " + resyncs);

        exchange.statusReceived(new NodeStatus("node-b", "g", "other", 0, 1, Map.of("layer", "bbb", "style", "s", "note", "n"), 4, 0, false, false,
                true, true, 0, 0, none, Map.of("catalog", "c2", "notes", "n1")));
        var peer = exchange.peers().get(0);
        assertFalse(peer.sameDigest(), "a kind both have differs");
        assertEquals(List.of("layer"), peer.differingTypes(), "only the types both have are compared");
    }

    /** Records resync requests. */
    private final List<String> resyncs = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void recordResyncs() {
        exchange.resync = (node, reason) -> {
            resyncs.add(node + ": " + reason);
            return java.util.concurrent.CompletableFuture.completedFuture("done");
        };
    }

    private void awaitResyncs(int count) throws InterruptedException {
        for (int i = 0; i < 200 && resyncs.size() < count; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void aNodeThatNeverTookPartResyncsAtOnceFromAPeerThatDid() throws Exception {
        recordResyncs();
        exchange.statusReceived(new NodeStatus("node-b", "g", "aaa", 0, 1, Map.of("layer", "aaa", "style", "s"), 4, 0, false, false));
        exchange.statusReceived(new NodeStatus("node-c", "g", "ccc", 0, 1, Map.of("layer", "ccc", "style", "s"), 0, 0, false, false));
        assertTrue(resyncs.isEmpty(), "same digest, or a peer as new as this node: nothing to do");
        exchange.statusReceived(new NodeStatus("node-b", "g", "bbb", 2, 1, Map.of("layer", "bbb", "style", "s"), 4, 0, false, false));
        assertEquals(List.of("null: this node never took part in the cluster and differs from node node-b"), resyncs);
    }

    @Test
    void aLastingDifferenceResyncsOnlyTheNodeOutsideTheMajority() throws Exception {
        ledger.advance("ws1", new org.geoserver.cluster.api.ReplicationLedger.Version(1, "node-a"));
        recordResyncs();
        NodeStatus b = new NodeStatus("node-b", "g", "bbb", 0, 1, Map.of("layer", "bbb", "style", "s"), 4, 0, false, false);
        NodeStatus c = new NodeStatus("node-c", "g", "bbb", 0, 1, Map.of("layer", "bbb", "style", "s"), 4, 0, false, false);
        for (int i = 0; i < 3; i++) {
            exchange.statusReceived(b);
            exchange.statusReceived(c);
        }
        awaitResyncs(2); // one per drifted peer
        assertEquals(2, resyncs.size(), resyncs.toString());
        assertTrue(resyncs.stream().allMatch(r -> r.startsWith("node-b: this node's configuration differs from 2 of 3 nodes")), resyncs.toString());

        resyncs.clear();
        localDigest = "bbb"; // now node-a and node-b agree; node-c alone differs
        NodeStatus odd = new NodeStatus("node-c", "g", "ccc", 0, 1, Map.of("layer", "ccc", "style", "s"), 4, 0, false, false);
        for (int i = 0; i < 3; i++) {
            exchange.statusReceived(b);
            exchange.statusReceived(odd);
        }
        Thread.sleep(300);
        assertTrue(resyncs.isEmpty(), "the majority does not resync: " + resyncs);
    }

    @Test
    void aDifferenceIsNoDriftWhileEventsAreStillToBeApplied() throws Exception {
        ledger.advance("ws1", new org.geoserver.cluster.api.ReplicationLedger.Version(1, "node-a"));
        ledger.handled("node-b", 10);
        recordResyncs();
        NodeStatus aheadOfUs = new NodeStatus("node-b", "g", "bbb", 0, 1, Map.of("layer", "bbb", "style", "s"), 4, 12, false, false);
        NodeStatus stillReceiving = new NodeStatus("node-c", "g", "bbb", 0, 1, Map.of("layer", "bbb", "style", "s"), 4, 0, true, false);
        for (int i = 0; i < 6; i++) {
            exchange.statusReceived(aheadOfUs);
            exchange.statusReceived(stillReceiving);
        }
        Thread.sleep(300);
        assertTrue(resyncs.isEmpty(), "node-b published #12, this node handled #10; node-c is receiving: " + resyncs);
        assertTrue(exchange.status().receiving(), "this node tells the others it is still receiving");
        ledger.handled("node-b", 12);
        assertFalse(exchange.status().receiving());
    }

    @Test
    void eventsThatStopComingAreTakenAsLostSoTheDifferenceCountsAsDrift() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000);
        DigestExchange timed = new DigestExchange(new TestClusterConfiguration(TestClusterConfiguration.settings("node-a", "g", "")), digest, ledger, now::get);
        ledger.handled("node-b", 10);
        NodeStatus ahead = new NodeStatus("node-b", "g", "bbb", 0, 1, Map.of("layer", "bbb", "style", "s"), 4, 12, false, false);
        timed.statusReceived(ahead);
        assertTrue(timed.status().receiving(), "#11 and #12 are on their way");
        now.addAndGet(DigestExchange.STALL_MILLIS - 1);
        assertTrue(timed.status().receiving());
        ledger.handled("node-b", 11);
        now.addAndGet(DigestExchange.STALL_MILLIS - 1);
        assertTrue(timed.status().receiving(), "progress was made: still receiving");
        now.addAndGet(DigestExchange.STALL_MILLIS);
        assertFalse(timed.status().receiving(), "nothing came for the stall time: #12 is lost");
    }
}
