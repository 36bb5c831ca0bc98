package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/**
 * Two nodes on one data directory: the master writes it, the other (readOnly) applies changes in
 * memory only. Then the roles are handed over with cluster:toggle and readOnly, and the new master
 * writes while the old one follows in memory.
 */
public class SharedDataDirectoryTest {

    @Test
    public void oneMasterWritesAtATimeAndTheRolesCanBeHandedOver() throws Exception {
        try (KarafNode a = KarafNode.unpack("shared-a"); KarafNode b = KarafNode.unpack("shared-b")) {
            Path shared = a.dataDirectory();
            a.cluster("", false);
            b.cluster(a.brokerUrl(), true);
            b.configure("org.geoserver.datadir.cfg", "path", shared.toString());
            b.configure("org.geoserver.cluster.cfg", "toggleMaster", "false");
            a.start();
            b.start();
            for (KarafNode node : List.of(a, b)) {
                node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            }

            expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"written_by_a\"}}"), 201);
            Wait.until("b to follow a in memory", Duration.ofSeconds(30), () -> a.digest().equals(b.digest()), () -> b.ssh("cluster:status"));
            assertTrue(Files.exists(shared.resolve("workspaces/written_by_a/workspace.xml")));

            // hand-over: a stops publishing and writing, b starts
            a.ssh("cluster:toggle master off");
            a.ssh("config:property-set -p org.geoserver.cluster readOnly enabled");
            b.ssh("config:property-set -p org.geoserver.cluster readOnly disabled");
            b.ssh("cluster:toggle master on");
            Wait.until("the new roles", Duration.ofSeconds(30), () -> b.ssh("cluster:status").contains("Roles:        master + slave")
                    && a.ssh("cluster:status").contains("Read only:    enabled"), () -> a.ssh("cluster:status") + "\n" + b.ssh("cluster:status"));

            expect(b.rest().post("/workspaces", "{\"workspace\":{\"name\":\"written_by_b\"}}"), 201);
            Wait.until("a to follow b in memory", Duration.ofSeconds(30), () -> a.digest().equals(b.digest()), () -> a.ssh("cluster:status"));
            assertTrue(Files.exists(shared.resolve("workspaces/written_by_b/workspace.xml")));
            expect(a.rest().get("/workspaces/written_by_b.json"), 200);

            // what is on disk is what both nodes hold: a reload from the shared folder changes nothing
            String before = a.digest();
            expect(a.rest().post("/reload", ""), 200);
            assertEquals(before, a.digest());
        }
    }
}
