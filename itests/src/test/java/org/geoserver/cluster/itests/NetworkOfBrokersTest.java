package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;

import java.time.Duration;
import java.util.List;
import org.junit.Test;

/** Every node runs its own embedded broker, networked to the other's: no single broker. */
public class NetworkOfBrokersTest {

    @Test
    public void changesCrossTheNetworkOfBrokersBothWays() {
        try (KarafNode a = KarafNode.unpack("network-a"); KarafNode b = KarafNode.unpack("network-b")) {
            a.cluster("", false);
            b.cluster("", false);
            a.configure("org.geoserver.cluster.broker.cfg", "networkConnectorURIs", "static:(tcp://127.0.0.1:" + b.brokerPort() + ")");
            b.configure("org.geoserver.cluster.broker.cfg", "networkConnectorURIs", "static:(tcp://127.0.0.1:" + a.brokerPort() + ")");
            a.start();
            b.start();
            for (KarafNode node : List.of(a, b)) {
                node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            }
            // The bridges learn of the other broker's queue consumers through advisories.
            Wait.until("the brokers to bridge", Duration.ofSeconds(60), () -> {
                expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"probe_" + System.nanoTime() + "\"}}"), 201);
                return a.digest().equals(b.digest());
            }, () -> "a: " + a.ssh("cluster:status") + "\nb: " + b.ssh("cluster:status"));

            for (int i = 0; i < 20; i++) {
                expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"from_a_" + i + "\"}}"), 201);
                expect(b.rest().post("/workspaces", "{\"workspace\":{\"name\":\"from_b_" + i + "\"}}"), 201);
            }
            Wait.until("both nodes to converge", Duration.ofSeconds(60), () -> a.digest().equals(b.digest()),
                    () -> "a: " + a.ssh("cluster:status") + "\nb: " + b.ssh("cluster:status"));
            expect(b.rest().get("/workspaces/from_a_19.json"), 200);
            expect(a.rest().get("/workspaces/from_b_19.json"), 200);
        }
    }
}
