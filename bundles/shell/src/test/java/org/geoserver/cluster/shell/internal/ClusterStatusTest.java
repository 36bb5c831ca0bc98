package org.geoserver.cluster.shell.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.core.internal.JournaledReplicationLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStatusTest {

    @TempDir
    Path data;

    @Test
    void showsIdentityRolesAndProgressAndSaysWhatIsNotRunning() {
        ClusterSettings settings = new ClusterSettings("node-a", "g", "", "VirtualTopic.geoserver", true, true, false, true, true, "", "", "", true);
        JournaledReplicationLedger ledger = new JournaledReplicationLedger(() -> data);
        ledger.handled("node-b", 42);
        ApplierStatus applier = new ApplierStatus() {
            @Override
            public long applied() {
                return 40;
            }

            @Override
            public long skipped() {
                return 2;
            }

            @Override
            public int deferred() {
                return 1;
            }

            @Override
            public int failed() {
                return 0;
            }
        };
        PeerDirectory peers = () -> List.of(new PeerDirectory.Peer(new NodeStatus("node-b", "g", "abc", 0, 0, Map.of(), 5, 0, false, false), List.of(), List.of(), 0),
                new PeerDirectory.Peer(new NodeStatus("node-c", "g", "def", 0, 0, Map.of(), 5, 0, false, false), List.of("layer"), List.of("layer LayerInfoImpl-1"), 0));
        String status = ClusterStatus.render(settings, null, null, ledger, applier, peers);
        assertTrue(status.contains("Instance:     node-a"), status);
        assertTrue(status.contains("Roles:        master\n") || status.contains("Roles:        master" + System.lineSeparator()), status);
        assertTrue(status.contains("Read only:    enabled"), status);
        assertTrue(status.contains("no transport running"), status);
        assertTrue(status.contains("capture not running"), status);
        assertTrue(status.contains("Applied:      40 events (2 skipped"), status);
        assertTrue(status.contains("node-b: #42"), status);
        assertTrue(status.contains("Peers:        2 heard of"), status);
        assertTrue(status.contains("node-c: different configuration in layer"), status);
        assertTrue(status.contains("differing objects: layer LayerInfoImpl-1"), status);
        assertTrue(status.contains("node-b: same configuration, outbox 0"), status);
    }
}
