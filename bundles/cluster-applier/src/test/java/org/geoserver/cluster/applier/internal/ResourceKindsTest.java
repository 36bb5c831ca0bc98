package org.geoserver.cluster.applier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEvent.Operation;
import org.geoserver.cluster.api.ConfigurationSnapshot;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.KeptEvents.KeptEvent;
import org.geoserver.cluster.api.ResourceKind;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.core.internal.JournaledReplicationLedger;
import org.geoserver.cluster.core.internal.NodeClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The applier dispatches by kind: a second, test-only kind beside the catalog, and a kind absent here. */
class ResourceKindsTest {

    @TempDir
    Path data;

    private TestNode a;
    private TestNode b;
    private NoteResource notesOfB;

    @BeforeEach
    void nodes() throws Exception {
        a = new TestNode("node-a", data.resolve("a"));
        b = new TestNode("node-b", data.resolve("b"));
        notesOfB = new NoteResource();
        b.applier.addResource(notesOfB, Map.of(ResourceKind.PROPERTY, NoteResource.KIND));
    }

    @Test
    void eachEventReachesTheResourceOfItsKindOnce() throws Exception {
        a.catalog.add(WorkspaceInfo.named("sf"));
        b.receive(a.sent());
        ClusterEvent note = NoteResource.event("notes:1", "node-a", 100, 1_000, Operation.ADD, "hello");
        b.receive(List.of(note, note));
        assertEquals(Map.of("notes:1", "hello"), notesOfB.notes);
        assertTrue(b.catalog.getWorkspaceByName("sf") != null, "catalog events still reach the catalog");
        assertEquals(1, b.applier.skipped(), "the second delivery is skipped");
        assertTrue(notesOfB.syncs > 0, "flush syncs every kind");

        b.receive(List.of(NoteResource.event("notes:1", "node-c", 1, 500, Operation.MODIFY, "older")));
        assertEquals("hello", notesOfB.notes.get("notes:1"), "an older version does not win");
        b.receive(List.of(NoteResource.event("notes:1", "node-c", 2, 2_000, Operation.MODIFY, "later")));
        assertEquals("later", notesOfB.notes.get("notes:1"));
    }

    @Test
    void aKindsWaitingAndRefusedEventsAreKeptAsTheCatalogsAre() throws Exception {
        b.receive(List.of(NoteResource.event("notes:2", "node-a", 1, 1_000, Operation.ADD, "after:notes:3"),
                NoteResource.event("notes:9", "node-a", 2, 1_001, Operation.ADD, "refuse")));
        assertEquals(1, b.applier.deferred());
        assertEquals(1, b.applier.failed());
        b.receive(List.of(NoteResource.event("notes:3", "node-a", 3, 1_002, Operation.ADD, "first")));
        assertEquals(Map.of("notes:2", "after:notes:3", "notes:3", "first"), notesOfB.notes, "the waiting note applies once its reference is there");
        assertEquals(0, b.applier.deferred());
    }

    @Test
    void anEventOfAKindWithoutResourceWaitsForItsResource() throws Exception {
        ClusterEvent note = NoteResource.event("notes:1", "node-b", 1, 1_000, Operation.ADD, "for a");
        a.receive(List.of(note));
        List<KeptEvent> kept = a.applier.kept();
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).reason().contains("kind notes"), kept.get(0).reason());

        NoteResource notesOfA = new NoteResource();
        a.applier.addResource(notesOfA, Map.of(ResourceKind.PROPERTY, NoteResource.KIND));
        assertEquals(Map.of("notes:1", "for a"), notesOfA.notes, "applied when the kind arrives");
        assertEquals(0, a.applier.deferred());
    }

    @Test
    void snapshotsCarryEveryKindAndAKindAbsentHereIsLeftOut() throws Exception {
        b.catalog.add(WorkspaceInfo.named("sf"));
        b.receive(List.of(NoteResource.event("notes:1", "node-c", 1, 1_000, Operation.ADD, "hello")));
        ConfigurationSnapshot snapshot = b.applier.take();
        assertTrue(snapshot.objects().stream().anyMatch(o -> o.kind().equals(NoteResource.KIND) && o.id().equals("notes:1")));
        assertTrue(snapshot.objects().stream().anyMatch(o -> o.kind().equals(ClusterEvent.CATALOG) && o.type().equals("workspace")));

        a.applier.install(snapshot); // a has no notes resource
        assertTrue(a.catalog.getWorkspaceByName("sf") != null, "the catalog part is installed");
        assertFalse(a.ledger.versions().containsKey("notes:1"), "a kind installed later must not take the left-out objects as held");

        TestNode c = new TestNode("node-c", data.resolve("c"));
        NoteResource notesOfC = new NoteResource();
        c.applier.addResource(notesOfC, Map.of(ResourceKind.PROPERTY, NoteResource.KIND));
        c.applier.install(snapshot);
        assertEquals(Map.of("notes:1", "hello"), notesOfC.notes);
        assertTrue(c.ledger.versions().containsKey("notes:1"));
        assertEquals(List.of("note"), snapshot.objects().stream().filter(o -> o.kind().equals(NoteResource.KIND)).map(SnapshotObject::type).toList());
    }
}
