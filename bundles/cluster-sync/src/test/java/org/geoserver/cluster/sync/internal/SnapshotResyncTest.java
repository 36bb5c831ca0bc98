package org.geoserver.cluster.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.ConfigurationSnapshot;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.ConfigurationSnapshots;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.api.RequestSubject;
import org.geoserver.cluster.api.testing.TestEventTransport;
import org.junit.jupiter.api.Test;

class SnapshotResyncTest {

    /** Snapshots of a fixed content; records what is installed. */
    private static final class RecordingSnapshots implements ConfigurationSnapshots {
        final String origin;
        final List<ConfigurationSnapshot> installed = new CopyOnWriteArrayList<>();

        RecordingSnapshots(String origin) {
            this.origin = origin;
        }

        @Override
        public ConfigurationSnapshot take() {
            return new ConfigurationSnapshot(origin, "g", 1, List.of(new SnapshotObject("workspace", "ws1", "<workspace><id>ws1</id></workspace>", null)),
                    Map.of("ws1", new Version(5, origin)), Map.of("node-x", 3L), List.of());
        }

        @Override
        public InstallReport install(ConfigurationSnapshot snapshot) {
            installed.add(snapshot);
            return new InstallReport(1, 0, 0, 0);
        }
    }

    private static ConfigurationDigest digestOf(Map<String, String> byId) {
        return new ConfigurationDigest() {
            @Override
            public String digest() {
                return byId.toString();
            }

            @Override
            public Map<String, String> digestsByType() {
                return Map.of();
            }

            @Override
            public Map<String, String> digestsById() {
                return byId;
            }
        };
    }

    private static PeerDirectory.Peer peer(String name, String digest, int versions, long lastSeen) {
        return new PeerDirectory.Peer(new NodeStatus(name, "g", digest, 0, lastSeen, Map.of(), versions, 0, false, false), List.of(), List.of(), lastSeen);
    }

    /** A node's resync, with the responders that answer its peers' snapshot and digest requests. */
    private static SnapshotResync node(String name, RecordingSnapshots snapshots, ConfigurationDigest digest, PeerDirectory peers, TestEventTransport transport) {
        SnapshotResync resync = new SnapshotResync(new TestClusterConfiguration(TestClusterConfiguration.settings(name, "g", "")), snapshots, peers,
                () -> 100_000L);
        resync.setTransport(transport);
        RequestDispatcher requests = new RequestDispatcher();
        requests.addResponder(new SnapshotResponder(snapshots), Map.of(RequestSubject.PROPERTY, SnapshotResync.SNAPSHOT));
        requests.addResponder(new ObjectDigestsResponder(digest), Map.of(RequestSubject.PROPERTY, ObjectDigests.SUBJECT));
        requests.setTransport(transport);
        return resync;
    }

    @Test
    void fetchesAPeersSnapshotThroughTheTransportAndInstallsIt() throws Exception {
        TestEventTransport atA = new TestEventTransport(0);
        TestEventTransport atB = new TestEventTransport(0);
        atA.nodes.put("node-b", atB);
        RecordingSnapshots snapshotsA = new RecordingSnapshots("node-a");
        RecordingSnapshots snapshotsB = new RecordingSnapshots("node-b");
        List<PeerDirectory.Peer> peersOfA = new ArrayList<>(List.of(peer("node-b", "d", 7, 99_000L)));
        SnapshotResync a = node("node-a", snapshotsA, digestOf(Map.of()), () -> peersOfA, atA);
        node("node-b", snapshotsB, digestOf(Map.of()), List::of, atB);

        String summary = a.resync(null, "test").get(10, TimeUnit.SECONDS);
        assertTrue(summary.contains("snapshot of node-b"), summary);
        assertEquals(1, snapshotsA.installed.size());
        assertEquals(Map.of("node-x", 3L), snapshotsA.installed.get(0).progress());

        ExecutionException unknown = assertThrows(ExecutionException.class, () -> a.resync("node-z", "test").get(10, TimeUnit.SECONDS));
        assertTrue(unknown.getCause().getMessage().contains("node node-z is not a peer this node has heard of (peers: node-b)"), unknown.getCause().getMessage());
        peersOfA.add(peer("node-y", "d", 7, 99_000L));
        ExecutionException silent = assertThrows(ExecutionException.class, () -> a.resync("node-y", "test").get(10, TimeUnit.SECONDS));
        assertTrue(silent.getCause().getMessage().contains("node-y did not answer snapshot"), silent.getCause().getMessage());
        peersOfA.clear();
        ExecutionException nobody = assertThrows(ExecutionException.class, () -> a.resync(null, "test").get(10, TimeUnit.SECONDS));
        assertTrue(nobody.getCause().getMessage().contains("no peer to take a snapshot from"), nobody.getCause().getMessage());
        assertEquals(1, snapshotsA.installed.size(), "a failed resync installs nothing");
    }

    @Test
    void aNodeLackingAKindDoesNotFormAGroupOfItsOwn() {
        NodeStatus a = withKinds("node-a", "x1", Map.of("catalog", "c1", "notes", "n1"));
        NodeStatus b = withKinds("node-b", "x2", Map.of("catalog", "c2", "notes", "n1"));
        NodeStatus c = withKinds("node-c", "y", Map.of("catalog", "c2"));
        assertEquals(List.of("node-b", "node-c"), SnapshotResync.majority(List.of(a, b, c)).stream().map(NodeStatus::instanceName).toList(),
                "b and c share the catalog, the kind all have; a's catalog is the odd one out");
        NodeStatus earlier = new NodeStatus("node-d", "g", "x1", 0, 1, Map.of(), 4, 0, false, false);
        assertEquals(List.of("node-a", "node-d"), SnapshotResync.majority(List.of(a, b, earlier)).stream().map(NodeStatus::instanceName).toList(),
                "a status without kinds: overall digests compare");
    }

    private static NodeStatus withKinds(String name, String digest, Map<String, String> kinds) {
        return new NodeStatus(name, "g", digest, 0, 1, Map.of(), 4, 0, false, false, true, true, 0, 0, Map.of(), kinds);
    }

    @Test
    void theSourceIsANodeOfTheMajorityThatTookPartLately() {
        List<PeerDirectory.Peer> peers = List.of(peer("node-e", "x", 9, 99_000L), peer("node-c", "y", 9, 99_000L), peer("node-d", "y", 9, 99_000L),
                peer("node-a", "z", 0, 99_000L), peer("node-b", "x", 9, 10_000L));
        SnapshotResync resync = node("node-f", new RecordingSnapshots("node-f"), digestOf(Map.of()), () -> peers, new TestEventTransport(0));
        assertEquals("node-c", resync.bestSource(), "y is shared by two recent peers that took part; x by one recent");
        List<NodeStatus> tie = List.of(peers.get(0).status(), peers.get(1).status());
        assertEquals("node-c", SnapshotResync.majority(tie).get(0).instanceName(), "a tie goes to the group with the smallest name");
        List<NodeStatus> historyTie = List.of(peer("node-a", "new", 0, 99_000L).status(), peer("node-b", "old", 3, 99_000L).status());
        assertEquals("node-b", SnapshotResync.majority(historyTie).get(0).instanceName(), "before that, to the group with more history");
        List<PeerDirectory.Peer> withReadOnly = List.of(
                new PeerDirectory.Peer(new NodeStatus("node-a", "g", "x", 0, 99_000L, Map.of(), 9, 0, false, true), List.of(), List.of(), 99_000L),
                peer("node-b", "x", 9, 99_000L));
        SnapshotResync preferring = node("node-f", new RecordingSnapshots("node-f"), digestOf(Map.of()), () -> withReadOnly, new TestEventTransport(0));
        assertEquals("node-b", preferring.bestSource(), "a node with its own data directory before a read-only one");
    }

    @Test
    void differingObjectsAreNamedFromThePeersObjectDigests() throws Exception {
        TestEventTransport atA = new TestEventTransport(0);
        TestEventTransport atB = new TestEventTransport(0);
        atA.nodes.put("node-b", atB);
        ConfigurationDigest digestA = digestOf(Map.of("layer l1", "1", "layer l2", "2", "layer l3", "3", "style s1", "9"));
        ConfigurationDigest digestB = digestOf(Map.of("layer l1", "1", "layer l2", "changed", "layer l4", "4", "style s1", "8"));
        node("node-b", new RecordingSnapshots("node-b"), digestB, List::of, atB);
        assertEquals(List.of("layer l2", "layer l3", "layer l4"), ObjectDigests.differing(atA, digestA, "node-b", List.of("layer")));
    }
}
