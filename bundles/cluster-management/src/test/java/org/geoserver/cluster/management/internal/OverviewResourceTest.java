package org.geoserver.cluster.management.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.core.internal.JournaledReplicationLedger;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewResourceTest {

    @TempDir
    java.nio.file.Path folder;

    private static final ConfigurationDigest DIGEST = new ConfigurationDigest() {
        public String digest() { return "d-a"; }
        public Map<String, String> digestsByType() { return Map.of(); }
        public Map<String, String> digestsById() { return Map.of(); }
    };

    /** An outbox that published up to sequence 20 and holds 2 events still. */
    private static final Outbox OUTBOX = new Outbox() {
        public ClusterEvent append(LongFunction<ClusterEvent> eventForSequence) { throw new UnsupportedOperationException(); }
        public Optional<ClusterEvent> peek() { return Optional.empty(); }
        public void remove(ClusterEvent event) {}
        public void awaitEvent(long millis) {}
        public int size() { return 2; }
        public long lastAppended() { return 20; }
    };

    private static XmlElement node(XmlElement overview, String name) {
        return overview.child("nodes").children().stream().filter(n -> n.childText("instanceName").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyNodeWithItsRolesLagAndKeptEvents() throws Exception {
        long now = 1_000_000_000_000L;
        OverviewResource resource = new OverviewResource(new TestClusterConfiguration(TestClusterConfiguration.settings("node-a", "g", "")), DIGEST, now);
        resource.outbox = OUTBOX;
        JournaledReplicationLedger ledger = new JournaledReplicationLedger(() -> folder);
        ledger.handledHeld("node-b", 4);
        ledger.keepHeld();
        resource.ledger = ledger;
        // b handled a's events up to 15, is not consuming, keeps one failed event and published up to 7
        NodeStatus b = new NodeStatus("node-b", "g", "d-b", 0, now, Map.of(), 1, 7, true, false, true, false, 0, 1, Map.of("node-a", 15L));
        resource.peers = () -> List.of(new PeerDirectory.Peer(b, List.of("workspace"), List.of("workspace ws-1"), now - 3_000));

        XmlElement first = resource.overview(now);
        XmlElement self = node(first, "node-a");
        assertEquals("true", self.childText("self"));
        assertEquals("2", self.childText("outbox"));
        assertEquals("3", self.childText("behindEvents"), "a handled b's events up to 4 of 7");
        XmlElement peer = node(first, "node-b");
        assertEquals("false", peer.childText("slave"));
        assertEquals("false", peer.childText("sameConfiguration"));
        assertEquals("workspace", peer.childText("differingTypes"));
        assertEquals("workspace ws-1", peer.childText("differingObjects"));
        assertEquals("1", peer.childText("failed"));
        assertEquals("5", peer.childText("behindEvents"), "b handled a's events up to 15 of 20");
        assertEquals("0.0", peer.childText("behindSeconds"), "first seen behind now");
        assertEquals("3.0", peer.childText("lastHeardSeconds"));

        assertEquals("2.5", node(resource.overview(now + 2_500), "node-b").childText("behindSeconds"), "behind since the first look");
    }
}
