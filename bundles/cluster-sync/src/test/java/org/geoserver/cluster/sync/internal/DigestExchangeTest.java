package org.geoserver.cluster.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.api.testing.TestEventTransport;
import org.junit.jupiter.api.Test;

class DigestExchangeTest {

    private String localDigest = "aaa";
    private final ConfigurationDigest digest = new ConfigurationDigest() {
        @Override
        public String digest() {
            return localDigest;
        }

        @Override
        public Map<String, String> digestsByType() {
            return Map.of("layer", localDigest, "style", "s");
        }

        @Override
        public Map<String, String> digestsById() {
            return Map.of();
        }
    };

    private final DigestExchange exchange = new DigestExchange(new TestClusterConfiguration(TestClusterConfiguration.settings("node-a", "g", "")), digest, () -> 1000L);

    @Test
    void publishesThisNodesDigestThroughTheTransport() {
        TestEventTransport transport = new TestEventTransport(0);
        exchange.setTransport(transport);
        exchange.publish();
        assertEquals(List.of(new NodeStatus("node-a", "g", "aaa", 0, 1000L, Map.of("layer", "aaa", "style", "s"))), transport.statuses);
    }

    @Test
    void peersAreComparedWithThisNode() {
        exchange.statusReceived(new NodeStatus("node-c", "g", "aaa", 0, 1, Map.of("layer", "aaa", "style", "s")));
        exchange.statusReceived(new NodeStatus("node-b", "g", "bbb", 3, 1, Map.of("layer", "bbb", "style", "s")));
        assertEquals(List.of("node-b", "node-c"), exchange.peers().stream().map(p -> p.status().instanceName()).toList());
        assertFalse(exchange.peers().get(0).sameDigest());
        assertEquals(List.of("layer"), exchange.peers().get(0).differingTypes(), "names where the configurations differ");
        assertTrue(exchange.peers().get(1).sameDigest());
        localDigest = "bbb";
        exchange.statusReceived(new NodeStatus("node-b", "g", "bbb", 0, 2, Map.of("layer", "bbb", "style", "s")));
        assertTrue(exchange.peers().get(0).sameDigest());
    }
}
