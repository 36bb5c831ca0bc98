package org.geoserver.cluster.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.resource.catalog.internal.CatalogResource;
import org.junit.jupiter.api.Test;

class ClusterStatusResourceTest {

    @Test
    void reportsIdentityRolesDigestAndPeers() {
        ResourceDigests digester = new ResourceDigests(Map.of(ClusterEvent.CATALOG, new CatalogResource(new CatalogImpl(), (style, view) -> Optional.empty(), (changes, view) -> {})));
        ClusterStatusResource resource = new ClusterStatusResource(new TestClusterConfiguration(TestClusterConfiguration.settings("node-a", "g", "")), digester);
        resource.peers = (() -> List.of(new PeerDirectory.Peer(new NodeStatus("node-b", "g", digester.digest(), 0, 0, Map.of(), 3, 0, false, false), List.of(), List.of(), 0)));
        assertNull(resource.element().child("applier"), "no applier running, no counters");
        resource.applier = new ApplierStatus() {
            public long applied() { return 12; }
            public long skipped() { return 2; }
            public int deferred() { return 1; }
            public int failed() { return 0; }
        };
        XmlElement status = resource.element();
        assertEquals("node-a", status.childText("instanceName"));
        assertEquals("true", status.childText("master"));
        assertEquals(digester.digest(), status.childText("digest"));
        assertEquals("0", status.childText("outbox"));
        assertEquals("node-b", status.child("peers").childText("instanceName"));
        assertEquals("true", status.child("peers").childText("sameDigest"));
        assertEquals("1970-01-01T00:00:00Z", status.child("peers").childText("lastSeen"));
        assertEquals("3", status.child("peers").childText("versions"));
        assertEquals("12", status.child("applier").childText("applied"));
        assertEquals("2", status.child("applier").childText("skipped"));
        assertEquals("1", status.child("applier").childText("deferred"));
        assertEquals("0", status.child("applier").childText("failed"));
        assertEquals(status.child("applier").toString(), new ApplierStatusResource(resource.applier).element().toString(), "the same counters alone");
    }
}
