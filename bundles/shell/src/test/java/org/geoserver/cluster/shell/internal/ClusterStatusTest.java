package org.geoserver.cluster.shell.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.internal.JournaledReplicationLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStatusTest {

    @TempDir
    Path data;

    @Test
    void showsIdentityRolesAndProgressAndSaysWhatIsNotRunning() {
        ClusterSettings settings = new ClusterSettings("node-a", "g", "", "VirtualTopic.geoserver", true, true, false, true, true, "", "", "");
        JournaledReplicationLedger ledger = new JournaledReplicationLedger(data);
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
        String status = ClusterStatus.render(settings, null, null, ledger, applier);
        assertTrue(status.contains("Instance:     node-a"), status);
        assertTrue(status.contains("Roles:        master\n") || status.contains("Roles:        master" + System.lineSeparator()), status);
        assertTrue(status.contains("Read only:    enabled"), status);
        assertTrue(status.contains("no transport running"), status);
        assertTrue(status.contains("capture not running"), status);
        assertTrue(status.contains("Applied:      40 events (2 skipped"), status);
        assertTrue(status.contains("node-b: #42"), status);
    }
}
