package org.geoserver.cluster.capture.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.HybridLogicalClock;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.core.internal.JournaledReplicationLedger;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.outbox.internal.FileOutbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogEventCaptureTest {

    @TempDir
    Path data;

    private FileOutbox outbox;
    private JournaledReplicationLedger ledger;
    private CatalogEventCapture capture;
    private final CatalogImpl catalog = new CatalogImpl();
    private final List<ChangeEvent> changes = new ArrayList<>();
    private final TestClusterConfiguration configuration = new TestClusterConfiguration(TestClusterConfiguration.settings("node-a", "geoserver-cluster", ""));

    @BeforeEach
    void wire() {
        outbox = new FileOutbox(() -> data);
        ledger = new JournaledReplicationLedger(() -> data);
        HybridLogicalClock hlc = new HybridLogicalClock();
        capture = new CatalogEventCapture(configuration, new org.geoserver.cluster.api.ClusterClock() {
            @Override
            public long now() {
                return hlc.now();
            }

            @Override
            public void observe(long received) {
                hlc.observe(received);
            }
        }, outbox, ledger);
        catalog.addListener(capture);
    }

    private List<ClusterEvent> drain() throws Exception {
        List<ClusterEvent> events = new ArrayList<>();
        for (Optional<ClusterEvent> next = outbox.peek(); next.isPresent(); next = outbox.peek()) {
            events.add(next.get());
            outbox.remove(next.get());
        }
        return events;
    }

    @Test
    void localChangesBecomeEventsInCommitOrderWithTheirXml() throws Exception {
        WorkspaceInfo ws = catalog.add(WorkspaceInfo.named("topp"));
        ws.setName("topp2");
        catalog.save(ws);
        catalog.remove(catalog.getWorkspaceByName("topp2"));

        List<ClusterEvent> events = drain();
        assertEquals(List.of("ADD workspace", "ADD namespace", "ADD defaults", "MODIFY workspace", "MODIFY namespace", "REMOVE namespace",
                "REMOVE workspace", "MODIFY defaults"), events.stream().map(e -> e.operation() + " " + e.objectType()).toList());
        ClusterEvent add = events.get(0);
        assertEquals("node-a", add.origin());
        assertEquals("geoserver-cluster", add.group());
        assertEquals(ws.getId(), add.objectId());
        assertEquals(ws.getId(), new InfoXml().read(add.payload(), WorkspaceInfo.class).getId());
        assertTrue(events.get(3).changedProperties().contains("name"));
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).sequence() > events.get(i - 1).sequence());
            assertTrue(events.get(i).timestamp() > events.get(i - 1).timestamp());
        }
    }

    @Test
    void localChangesRecordTheirVersionInTheLedger() throws Exception {
        WorkspaceInfo ws = catalog.add(WorkspaceInfo.named("topp"));
        ClusterEvent event = drain().get(0);
        assertEquals(new ReplicationLedger.Version(event.timestamp(), "node-a"), ledger.version(ws.getId()).orElseThrow());
    }

    @Test
    void changesFromOtherNodesAreNotSentBack() throws Exception {
        WorkspaceInfo remote = WorkspaceInfo.named("remote");
        remote.setId("ws-b");
        catalog.apply(Change.add(remote).from("node-b"));
        assertEquals(0, outbox.size());
    }

    @Test
    void aNodeThatIsNotMasterSendsNothing() throws Exception {
        ClusterSettings master = configuration.current();
        configuration.set(new ClusterSettings(master.instanceName(), master.group(), master.brokerURL(), master.topicName(), true, false, true, false,
                true, "", "", "", true));
        catalog.add(WorkspaceInfo.named("quiet"));
        assertEquals(0, outbox.size());
    }

    @Test
    void aStyleTravelsWithItsFile() throws Exception {
        StyleInfo style = new StyleInfo();
        style.setName("roads");
        byte[] sld = "<StyledLayerDescriptor/>".getBytes(StandardCharsets.UTF_8);
        catalog.apply(Change.add(style).withStyleBody(sld));
        ClusterEvent event = drain().get(0);
        assertEquals("style", event.objectType());
        assertArrayEquals(sld, event.styleBody());

        StyleInfo stored = catalog.getStyleByName(null, "roads");
        stored.setFormatVersion("1.1.0");
        catalog.save(stored);
        assertEquals(null, drain().get(0).styleBody(), "a change that does not write the file does not carry it: receivers keep theirs");
    }
}
