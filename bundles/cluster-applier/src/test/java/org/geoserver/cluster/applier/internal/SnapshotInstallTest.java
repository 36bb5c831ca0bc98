package org.geoserver.cluster.applier.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ConfigurationSnapshot;
import org.geoserver.cluster.api.ConfigurationSnapshotCodec;
import org.geoserver.cluster.api.ConfigurationSnapshots.InstallReport;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotInstallTest {

    @TempDir
    Path data;

    private TestNode a;
    private TestNode b;
    private TestNode c;

    @BeforeEach
    void nodes() throws Exception {
        a = new TestNode("node-a", data.resolve("a"));
        b = new TestNode("node-b", data.resolve("b"));
        c = new TestNode("node-c", data.resolve("c"));
    }

    private void publish(TestNode node, String workspace) {
        WorkspaceInfo ws = node.catalog.add(WorkspaceInfo.named(workspace));
        DataStoreInfo store = new DataStoreInfo();
        store.setName("roads");
        store.setWorkspace(ws.getId());
        store = node.catalog.add(store);
        FeatureTypeInfo ft = new FeatureTypeInfo();
        ft.setName("streams");
        ft.setNamespace(node.catalog.getNamespaceByPrefix(workspace).getId());
        ft.setStore(store);
        ft = node.catalog.add(ft);
        StyleInfo style = new StyleInfo();
        style.setName(workspace + "-line");
        node.catalog.apply(Change.add(style).withStyleBody(("<sld name='" + workspace + "'/>").getBytes(StandardCharsets.UTF_8)));
        LayerInfo layer = LayerInfo.publishing(ft);
        layer.setDefaultStyle(node.catalog.getStyleByName(null, workspace + "-line").getId());
        node.catalog.add(layer);
    }

    /** Through the byte form, as it travels. */
    private static ConfigurationSnapshot travelled(ConfigurationSnapshot snapshot) throws Exception {
        ConfigurationSnapshotCodec codec = new ConfigurationSnapshotCodec();
        return codec.decode(codec.encode(snapshot));
    }

    @Test
    void anEmptyNodeEndsIdenticalWithStyleFilesAndLedgerAndSkipsWhatTheSnapshotHeld() throws Exception {
        publish(a, "sf");
        publish(b, "topp");
        List<ClusterEvent> fromB = b.sent();
        a.receive(fromB);
        List<ClusterEvent> fromA = a.sent();

        InstallReport report = c.applier.install(travelled(a.applier.take()));

        assertEquals(a.content(), c.content());
        String styleId = a.catalog.getStyleByName(null, "topp-line").getId();
        assertArrayEquals(a.styleFiles.get(styleId), c.styleFiles.get(styleId), "style files travel with the snapshot");
        assertEquals(a.ledger.progress(), c.ledger.progress());
        assertEquals(a.ledger.versions(), c.ledger.versions().entrySet().stream()
                .filter(e -> a.ledger.versions().containsKey(e.getKey())).collect(java.util.stream.Collectors.toMap(e -> e.getKey(), e -> e.getValue())));
        assertTrue(report.added() > 10, report.toString());
        assertTrue(c.sent().isEmpty(), "an installed snapshot is not sent on");

        // The events the snapshot already held change nothing when they arrive after it.
        long appliedBefore = c.applier.applied();
        c.receive(fromB);
        c.receive(fromA);
        assertEquals(a.content(), c.content());
        assertEquals(appliedBefore, c.applier.applied(), "nothing re-applied");
    }

    @Test
    void aLaterLocalChangeIsKeptAndADriftedObjectIsRepaired() throws Exception {
        publish(a, "sf");
        c.receive(a.sent());
        ConfigurationSnapshot older = travelled(a.applier.take());

        // A change made on c after the snapshot was taken: later version, kept.
        WorkspaceInfo ws = c.catalog.getWorkspaceByName("sf");
        LayerInfo layer = c.catalog.getLayerByName("sf:streams");
        layer.setEnabled(false);
        c.catalog.save(layer);
        // A drifted object: changed on c without going through the cluster (an edited file), no new version.
        StyleInfo style = c.catalog.getStyleByName(null, "sf-line");
        c.catalog.apply(Change.save(style).withStyleBody("<drifted/>".getBytes(StandardCharsets.UTF_8)).from("hand-edit"));
        DataStoreInfo store = c.catalog.getStoreByName("sf", "roads", DataStoreInfo.class);
        store.setEnabled(false);
        c.catalog.apply(Change.save(store).from("hand-edit"));
        assertNotEquals(a.content(), c.content());

        InstallReport report = c.applier.install(older);

        assertEquals(1, report.keptLocal(), report.toString());
        assertEquals(false, c.catalog.getLayerByName("sf:streams").isEnabled(), "the later local change stays");
        assertEquals(true, c.catalog.getStoreByName("sf", "roads", DataStoreInfo.class).isEnabled(), "the drifted store is repaired");
        assertArrayEquals(a.styleFiles.get(style.getId()), c.styleFiles.get(style.getId()), "the drifted style file is repaired");
        // Once a receives c's change, both are the same again.
        a.receive(c.sent());
        assertEquals(a.content(), c.content());
        assertEquals(ws.getId(), c.catalog.getWorkspaceByName("sf").getId());
    }

    @Test
    void objectsOnlyHereWithoutALaterVersionGoAndRemovalsInTheSnapshotHold() throws Exception {
        publish(a, "sf");
        publish(c, "local"); // never sent: c's own later versions keep these
        c.sent();
        WorkspaceInfo unversioned = WorkspaceInfo.named("unversioned");
        unversioned.setId("WorkspaceInfoImpl-unversioned");
        c.catalog.apply(Change.add(unversioned).from("hand-edit"));
        publish(b, "gone");
        List<ClusterEvent> fromB = b.sent();
        a.receive(fromB);
        c.receive(fromB);
        a.catalog.removeRecursively(a.catalog.getWorkspaceByName("gone"));
        a.sent();

        c.applier.install(travelled(a.applier.take()));

        assertNull(c.catalog.getWorkspaceByName("unversioned"), "an object no node versioned takes the snapshot's state: absent");
        assertNull(c.catalog.getWorkspaceByName("gone"), "a removal with a later version holds");
        assertTrue(c.catalog.getLayerByName("local:streams") != null, "objects created here later stay");
        assertTrue(c.catalog.getLayerByName("sf:streams") != null);
    }
}
