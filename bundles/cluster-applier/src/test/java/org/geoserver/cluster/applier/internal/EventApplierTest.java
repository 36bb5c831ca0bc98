package org.geoserver.cluster.applier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.KeptEvents;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventApplierTest {

    @TempDir
    Path data;

    private TestNode a;
    private TestNode b;

    @BeforeEach
    void nodes() throws Exception {
        a = new TestNode("node-a", data.resolve("a"));
        b = new TestNode("node-b", data.resolve("b"));
    }

    /** Builds a workspace with a store, a feature type, a styled layer and a group on node a. */
    private LayerInfo publishOnA() {
        WorkspaceInfo ws = a.catalog.add(WorkspaceInfo.named("sf"));
        DataStoreInfo store = new DataStoreInfo();
        store.setName("roads");
        store.setWorkspace(ws.getId());
        store = a.catalog.add(store);
        FeatureTypeInfo ft = new FeatureTypeInfo();
        ft.setName("streams");
        ft.setNamespace(a.catalog.getNamespaceByPrefix("sf").getId());
        ft.setStore(store);
        ft = a.catalog.add(ft);
        StyleInfo style = new StyleInfo();
        style.setName("line");
        a.catalog.apply(Change.add(style).withStyleBody("<sld/>".getBytes(StandardCharsets.UTF_8)));
        LayerInfo layer = LayerInfo.publishing(ft);
        layer.setDefaultStyle(a.catalog.getStyleByName(null, "line").getId());
        layer = a.catalog.add(layer);
        LayerGroupInfo group = new LayerGroupInfo();
        group.setName("base");
        group.setPublishables(List.of(Published.layer(layer.getId())));
        a.catalog.add(group);
        return layer;
    }

    @Test
    void aSlaveEndsIdenticalAndSendsNothingBack() throws Exception {
        publishOnA();
        LayerInfo layer = a.catalog.getLayerByName("sf:streams");
        layer.setEnabled(false);
        a.catalog.save(layer);
        WorkspaceInfo ws = a.catalog.getWorkspaceByName("sf");
        ws.setName("sanfrancisco");
        a.catalog.save(ws);
        b.receive(a.sent());
        assertEquals(a.content(), b.content());
        assertTrue(b.sent().isEmpty(), "applied changes are not captured again");

        a.catalog.removeRecursively(a.catalog.getWorkspaceByName("sanfrancisco"));
        b.receive(a.sent());
        assertEquals(a.content(), b.content());
        assertNull(b.catalog.getWorkspaceByName("sanfrancisco"));
    }

    @Test
    void repeatedEventsAreSkipped() throws Exception {
        publishOnA();
        List<ClusterEvent> events = a.sent();
        b.receive(events);
        b.receive(events);
        assertEquals(a.content(), b.content());
        assertEquals(events.size(), b.applier.applied());
        assertEquals(events.size(), b.applier.skipped());
    }

    @Test
    void anEventWhoseReferencesHaveNotArrivedWaitsForThem() throws Exception {
        // a creates a workspace and a store; b, having received them, publishes a feature type and a layer there;
        // c gets b's events before a's (a's were held up), as can happen between origins.
        WorkspaceInfo ws = a.catalog.add(WorkspaceInfo.named("sf"));
        DataStoreInfo store = new DataStoreInfo();
        store.setName("roads");
        store.setWorkspace(ws.getId());
        a.catalog.add(store);
        List<ClusterEvent> fromA = a.sent();
        b.receive(fromA);
        FeatureTypeInfo ft = new FeatureTypeInfo();
        ft.setName("streams");
        ft.setNamespace(b.catalog.getNamespaceByPrefix("sf").getId());
        ft.setStore(b.catalog.getStoreByName("sf", "roads", DataStoreInfo.class));
        ft = b.catalog.add(ft);
        b.catalog.add(LayerInfo.publishing(ft));
        List<ClusterEvent> fromB = b.sent();

        TestNode c = new TestNode("node-c", data.resolve("c"));
        c.receive(fromB);
        assertEquals(2, c.applier.deferred());
        assertNull(c.catalog.getLayerByName("sf:streams"));
        for (ClusterEvent event : fromA) {
            c.applier.handle(event);
        }
        assertEquals(0, c.applier.deferred());
        assertEquals(2, new EventStore(data.resolve("c/deferred")).size(), "kept on disk until the batch that applied them is flushed");
        c.applier.flush();
        assertEquals(0, new EventStore(data.resolve("c/deferred")).size());
        assertEquals(b.content(), c.content());
    }

    @Test
    void anInvalidEventIsKeptAsideAndDoesNotBlockTheNextOnes() throws Exception {
        a.catalog.add(WorkspaceInfo.named("first"));
        List<ClusterEvent> events = a.sent();
        ClusterEvent good = events.get(0);
        ClusterEvent broken = new ClusterEvent("x", "node-a", "g", 0, good.timestamp(), ClusterEvent.Operation.ADD, "layer", "l1",
                "<java.lang.ProcessBuilder/>", List.of(), null, false);
        ClusterEvent mismatched = new ClusterEvent("y", "node-a", "g", 0, good.timestamp(), ClusterEvent.Operation.ADD, "layer", "l1",
                good.payload(), List.of(), null, false);
        b.applier.handle(withSequence(broken, 1));
        b.applier.handle(withSequence(mismatched, 2));
        for (ClusterEvent event : events) {
            b.applier.handle(withSequence(event, event.sequence() + 2));
        }
        assertEquals(2, b.applier.failed());
        assertNotNull(b.catalog.getWorkspaceByName("first"));
    }

    /** What the loader would refuse from a file is never applied: kept in failed, with the loader's reason. */
    @Test
    void eventsTheLoaderWouldRefuseAreKeptInFailed() throws Exception {
        a.catalog.add(WorkspaceInfo.named("first"));
        ClusterEvent good = a.sent().get(0);
        String id = good.objectId();
        ClusterEvent classAttribute = new ClusterEvent("c", "node-a", "g", 1, good.timestamp(), ClusterEvent.Operation.ADD, "workspace", id,
                "<workspace class=\"java.lang.ProcessBuilder\"><id>" + id + "</id><name>w</name></workspace>", List.of(), null, false);
        ClusterEvent deep = new ClusterEvent("d", "node-a", "g", 2, good.timestamp(), ClusterEvent.Operation.ADD, "workspace", id,
                "<workspace><id>" + id + "</id><name>w</name>" + "<a>".repeat(20_000) + "</a>".repeat(20_000) + "</workspace>", List.of(), null, false);
        b.applier.handle(classAttribute);
        b.applier.handle(deep);
        b.applier.handle(withSequence(good, 3));
        assertEquals(2, b.applier.failed());
        assertNotNull(b.catalog.getWorkspaceByName("first"), "later events apply");
        List<String> reasons = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("b/failed"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".txt"))::iterator) {
                reasons.add(Files.readString(file));
            }
        }
        assertTrue(reasons.stream().anyMatch(r -> r.contains("class=\"java.lang.ProcessBuilder\"")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("elements nest deeper than 256")), reasons.toString());
    }

    @Test
    void aFailedEventIsRetriedOnceItCanApplyAndADiscardedOneIsGone() throws Exception {
        a.catalog.add(WorkspaceInfo.named("w"));
        b.receive(a.sent());
        String workspace = b.catalog.getWorkspaceByName("w").getId();
        b.catalog.add(store("dup", workspace)); // b's own store takes the name
        b.sent();
        a.catalog.add(store("dup", workspace));
        List<ClusterEvent> events = a.sent();
        b.receive(events);
        List<KeptEvents.KeptEvent> kept = b.applier.kept();
        assertEquals(1, kept.size(), kept.toString());
        KeptEvents.KeptEvent dup = kept.get(0);
        assertEquals(KeptEvents.Kind.FAILED, dup.kind());
        assertTrue(dup.reason().contains("dup"), dup.reason());
        assertEquals(dup, b.applier.kept(dup.id()).orElseThrow());

        assertEquals(KeptEvents.RetryOutcome.FAILED, b.applier.retry(dup.id()), "still taken");
        assertEquals(1, b.applier.failed(), "kept once, not twice");

        b.catalog.remove(b.catalog.getStoreByName("w", "dup", DataStoreInfo.class));
        assertEquals(java.util.Map.of(dup.id(), KeptEvents.RetryOutcome.APPLIED), b.applier.retryAll());
        assertEquals(a.catalog.getStoreByName("w", "dup", DataStoreInfo.class).getId(), b.catalog.getStoreByName("w", "dup", DataStoreInfo.class).getId());
        assertEquals(List.of(), b.applier.kept());
        assertThrows(IllegalArgumentException.class, () -> b.applier.retry(dup.id()));

        ClusterEvent broken = new ClusterEvent("x", "node-a", "g", 100, events.get(0).timestamp(), ClusterEvent.Operation.ADD, "layer", "l1",
                "<java.lang.ProcessBuilder/>", List.of(), null, false);
        b.receive(List.of(broken));
        String id = b.applier.kept().get(0).id();
        assertTrue(b.applier.discard(id));
        assertFalse(b.applier.discard(id));
        assertEquals(List.of(), b.applier.kept());
        try (Stream<Path> files = Files.list(data.resolve("b/failed"))) {
            assertEquals(List.of(), files.toList(), "its files are gone");
        }
        TestNode restarted = new TestNode("node-b", data.resolve("b"));
        assertEquals(List.of(), restarted.applier.kept(), "and stay gone");
    }

    @Test
    void keptEventsSurviveARestartWithTheirReason() throws Exception {
        a.catalog.add(WorkspaceInfo.named("w"));
        ClusterEvent good = a.sent().get(0);
        b.receive(List.of(new ClusterEvent("x", "node-a", "g", 1, good.timestamp(), ClusterEvent.Operation.ADD, "layer", "l1",
                "<java.lang.ProcessBuilder/>", List.of(), null, false)));
        KeptEvents.KeptEvent before = b.applier.kept().get(0);
        TestNode restarted = new TestNode("node-b", data.resolve("b"));
        KeptEvents.KeptEvent after = restarted.applier.kept().get(0);
        assertEquals(before.id(), after.id());
        assertEquals(before.reason(), after.reason());
        assertEquals(before.kind(), after.kind());
        assertTrue(Math.abs(before.keptAt() - after.keptAt()) < 2000, before.keptAt() + " " + after.keptAt());
    }

    private static DataStoreInfo store(String name, String workspaceId) {
        DataStoreInfo store = new DataStoreInfo();
        store.setName(name);
        store.setWorkspace(workspaceId);
        return store;
    }

    private static ClusterEvent withSequence(ClusterEvent e, long sequence) {
        return new ClusterEvent(e.id(), e.origin(), e.group(), sequence, e.timestamp(), e.operation(), e.objectType(), e.objectId(), e.payload(),
                e.changedProperties(), e.styleBody(), e.purge());
    }

    @Test
    void concurrentEditsOfOneObjectEndTheSameOnBothNodes() throws Exception {
        publishOnA();
        b.receive(a.sent());
        LayerInfo onA = a.catalog.getLayerByName("sf:streams");
        onA.setAdvertised(false);
        a.catalog.save(onA);
        LayerInfo onB = b.catalog.getLayerByName("sf:streams");
        onB.setEnabled(false);
        b.catalog.save(onB);
        List<ClusterEvent> fromA = a.sent();
        List<ClusterEvent> fromB = b.sent();
        assertNotEquals(a.content(), b.content());
        a.receive(fromB);
        b.receive(fromA);
        assertEquals(a.content(), b.content(), "the later edit wins on both nodes");
    }

    @Test
    void aRemovalAndAConcurrentEditResolveTheSameWay() throws Exception {
        publishOnA();
        b.receive(a.sent());
        a.catalog.removeRecursively(a.catalog.getLayerGroupByName(null, "base"));
        LayerGroupInfo onB = b.catalog.getLayerGroupByName(null, "base");
        onB.setTitle("edited while removed elsewhere");
        b.catalog.save(onB);
        List<ClusterEvent> fromA = a.sent();
        List<ClusterEvent> fromB = b.sent();
        a.receive(fromB);
        b.receive(fromA);
        assertEquals(a.content(), b.content());
    }

    @Test
    void stateSurvivesARestartOfTheApplier() throws Exception {
        publishOnA();
        List<ClusterEvent> events = a.sent();
        b.receive(events);
        TestNode restarted = new TestNode("node-b", data.resolve("b"));
        restarted.catalog.replaceAll(b.catalog.list(org.geoserver.cluster.catalog.api.Info.class));
        restarted.receive(events);
        assertEquals(events.size(), restarted.applier.skipped(), "the ledger remembers what was handled");
    }

    @Test
    void eventsHandledButNotFlushedAreAppliedAgainAfterACrash() throws Exception {
        publishOnA();
        List<ClusterEvent> events = a.sent();
        for (ClusterEvent event : events) {
            b.applier.handle(event); // the process dies before the batch is flushed: the broker delivers it again
        }
        assertEquals(events.size(), b.applier.applied() + b.applier.skipped());
        TestNode restarted = new TestNode("node-b", data.resolve("b"));
        restarted.receive(events);
        assertEquals(0, restarted.applier.skipped(), "the ledger kept nothing of a batch whose files may be missing");
        assertEquals(b.content(), restarted.content());
    }
}
