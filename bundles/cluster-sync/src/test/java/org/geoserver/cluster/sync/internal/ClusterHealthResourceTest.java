package org.geoserver.cluster.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geoserver.cluster.api.JoinStatus;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.rest.api.RestAnswer;
import org.geoserver.cluster.rest.api.RestCall;
import org.geoserver.cluster.rest.api.RestRefusal;
import org.junit.jupiter.api.Test;

/** Load balancers read the node's health: 503 while it joins, 200 once it serves the whole configuration. */
class ClusterHealthResourceTest {

    private boolean joining = true;
    private final ClusterHealthResource health = new ClusterHealthResource(new TestClusterConfiguration(TestClusterConfiguration.settings("node-b", "g", "")));

    @Test
    void aJoiningNodeAnswers503ThenReady() {
        health.join = new JoinStatus() {
            @Override
            public boolean joining() {
                return joining;
            }

            @Override
            public void settle(String reason) {}
        };
        RestRefusal syncing = assertThrows(RestRefusal.class, () -> health.get(new RestCall(null, null, java.util.Map.of(), "admin")));
        assertEquals(503, syncing.status());
        assertTrue(syncing.getMessage().contains("node-b is syncing"), syncing.getMessage());
        joining = false;
        RestAnswer ready = health.get(new RestCall(null, null, java.util.Map.of(), "admin"));
        XmlElement element = ((RestAnswer.Tree) ready).element();
        assertEquals("ready", element.childText("status"));
        assertEquals("node-b", element.childText("instanceName"));
    }
}
