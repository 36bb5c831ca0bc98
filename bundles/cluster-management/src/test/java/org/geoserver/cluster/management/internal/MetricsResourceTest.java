package org.geoserver.cluster.management.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.geoserver.cluster.api.ApplierMetrics;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.Histogram;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.api.TransportStatistics;
import org.geoserver.cluster.core.internal.JournaledReplicationLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsResourceTest {

    /** A sample line of the text format: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\")*\\})? -?[0-9.eE+-]+");

    @TempDir
    java.nio.file.Path folder;

    @Test
    void everyPartIsServedInPrometheusTextFormat() throws Exception {
        long now = 1_000_000_000_000L;
        MetricsResource metrics = new MetricsResource(now - 60_000);
        metrics.transport = new TransportStatistics() {
            public long published() { return 5; }
            public long received() { return 9; }
            public long rejected() { return 1; }
        };
        metrics.applier = new ApplierStatus() {
            public long applied() { return 7; }
            public long skipped() { return 2; }
            public int deferred() { return 1; }
            public int failed() { return 0; }
        };
        metrics.applierMetrics = new ApplierMetrics() {
            public long deferredTotal() { return 3; }
            public long failedTotal() { return 1; }
            public Map<String, Long> lastHandled() { return Map.of("node-b", (now - 4_000) << 16); }
            public Histogram applyLatency() { return new Histogram(List.of(0.01, 0.1), List.of(4L, 2L, 1L), 1.25); }
        };
        JournaledReplicationLedger ledger = new JournaledReplicationLedger(() -> folder);
        ledger.handledHeld("node-b", 10);
        ledger.keepHeld();
        metrics.ledger = ledger;
        NodeStatus b = new NodeStatus("node-b", "g", "d", 0, now, Map.of(), 1, 15, false, false);
        NodeStatus c = new NodeStatus("node-c", "g", "d", 0, now, Map.of(), 1, 0, false, false);
        metrics.peers = () -> List.of(new PeerDirectory.Peer(b, List.of(), List.of(), now - 2_500),
                new PeerDirectory.Peer(c, List.of("workspace"), List.of(), now - 500));

        String text = metrics.render(now);

        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("# HELP geoserver_cluster_") || line.startsWith("# TYPE geoserver_cluster_") || SAMPLE.matcher(line).matches(), line);
        }
        List<String> lines = List.of(text.split("\n"));
        for (String expected : List.of("geoserver_cluster_events_published_total 5", "geoserver_cluster_events_received_total 9",
                "geoserver_cluster_events_rejected_total 1", "geoserver_cluster_events_applied_total 7", "geoserver_cluster_events_skipped_total 2",
                "geoserver_cluster_events_deferred_total 3", "geoserver_cluster_events_failed_total 1", "geoserver_cluster_events_kept{kind=\"deferred\"} 1",
                "# TYPE geoserver_cluster_apply_latency_seconds histogram", "geoserver_cluster_apply_latency_seconds_bucket{le=\"0.01\"} 4",
                "geoserver_cluster_apply_latency_seconds_bucket{le=\"0.1\"} 6", "geoserver_cluster_apply_latency_seconds_bucket{le=\"+Inf\"} 7",
                "geoserver_cluster_apply_latency_seconds_sum 1.25", "geoserver_cluster_apply_latency_seconds_count 7",
                "geoserver_cluster_peer_last_heard_seconds{peer=\"node-b\"} 2.5", "geoserver_cluster_peer_same_configuration{peer=\"node-c\"} 0",
                "geoserver_cluster_peer_lag_events{peer=\"node-b\"} 5", "geoserver_cluster_peer_lag_seconds{peer=\"node-b\"} 4",
                "geoserver_cluster_peer_lag_events{peer=\"node-c\"} 0", "geoserver_cluster_peer_lag_seconds{peer=\"node-c\"} 0")) {
            assertTrue(lines.contains(expected), expected + " in\n" + text);
        }
        assertEquals(1, lines.stream().filter(l -> l.equals("# TYPE geoserver_cluster_peer_lag_events gauge")).count(), "one family, every peer in it");
    }

    @Test
    void partsWhoseBundlesAreAbsentAreLeftOut() {
        assertEquals("", new MetricsResource(0).render(1000));
    }
}
