package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.Test;

/**
 * Two nodes without embedded brokers, connected through failover URLs to a standalone ActiveMQ
 * 5.18.3 broker (so our 6.1.8 client against a 5.x broker too), which is stopped and started again
 * in the middle of a burst of changes: REST keeps accepting changes, nothing is lost.
 */
public class StandaloneBrokerClusterTest {

    @Test
    public void aBrokerRestartDuringABurstLosesNothing() throws Exception {
        try (StandaloneBroker broker = StandaloneBroker.unpack("standalone-broker").start();
                KarafNode a = KarafNode.unpack("standalone-a");
                KarafNode b = KarafNode.unpack("standalone-b")) {
            a.cluster(broker.url(), false).start();
            b.cluster(broker.url(), false).start();
            for (KarafNode node : List.of(a, b)) {
                node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            }
            CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"burst_" + i + "\"}}"), 201);
                }
            });
            Thread.sleep(500);
            broker.stop();
            Wait.until("a to notice the broker is gone", Duration.ofSeconds(30), () -> a.ssh("cluster:status").contains("Broker:       connecting to"),
                    () -> a.ssh("cluster:status"));
            Thread.sleep(2_000);
            broker.start();
            burst.get();
            long start = System.nanoTime();
            Wait.until("b to have all of a's changes", Duration.ofSeconds(120), () -> a.digest().equals(b.digest()),
                    () -> "a: " + a.ssh("cluster:status") + "\nb: " + b.ssh("cluster:status"));
            System.out.printf("standalone broker restarted during 200 changes: converged %.1f s after the burst%n", (System.nanoTime() - start) / 1e9);
            expect(b.rest().get("/workspaces/burst_199.json"), 200);
        }
    }
}
