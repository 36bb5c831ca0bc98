package org.geoserver.cluster.itests.bench;

import static org.geoserver.cluster.itests.GeoServerRest.expect;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.geoserver.cluster.itests.KarafNode;
import org.junit.Test;

/**
 * The cluster benchmark (not part of the tests; run by bench/cluster.sh): two nodes of the built
 * distribution on this machine, node a with the embedded broker. Prints a table of
 * <ol>
 *   <li>the raw floor: a persistent message of an event's size published on the broker and
 *       received from a node's virtual-topic queue, and</li>
 *   <li>propagation: a change acknowledged by a's REST API until b's REST API shows it,</li>
 * </ol>
 * with p50/p95/p99 and the target beside each figure.
 */
public class ClusterBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 1000);
    private static final int EVENT_SIZE = 1500;

    @Test
    public void propagationAgainstTheRawFloor() throws Exception {
        try (KarafNode a = KarafNode.unpack("bench-a"); KarafNode b = KarafNode.unpack("bench-b")) {
            a.cluster("", false).start();
            b.cluster(a.brokerUrl(), false).start();
            for (KarafNode node : List.of(a, b)) {
                node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            }
            double[] floor = rawFloor(a.brokerPort());
            double[] propagation = propagation(a, b);
            double floorP99 = percentile(floor, 99);
            System.out.println();
            System.out.println("| measure (" + SAMPLES + " samples, ms) | p50 | p95 | p99 | target |");
            System.out.println("|---|---:|---:|---:|---|");
            row("raw floor: persistent JMS publish -> receive, " + EVENT_SIZE + " bytes", floor, "the limit");
            row("propagation: REST write on a -> visible over REST on b", propagation,
                    String.format(Locale.ROOT, "p99 <= 2 x floor + 5 = %.1f (%s)", 2 * floorP99 + 5,
                            percentile(propagation, 99) <= 2 * floorP99 + 5 ? "met" : "missed"));
        }
    }

    private static double[] rawFloor(int brokerPort) throws Exception {
        double[] samples = new double[SAMPLES];
        byte[] body = new byte[EVENT_SIZE];
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("Consumer.bench.VirtualTopic.bench"));
            MessageProducer producer = session.createProducer(session.createTopic("VirtualTopic.bench"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < SAMPLES + 100; i++) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                long start = System.nanoTime();
                producer.send(message);
                if (consumer.receive(10_000) == null) {
                    throw new AssertionError("message " + i + " did not arrive");
                }
                if (i >= 100) { // the first ones warm up the JIT and the store
                    samples[i - 100] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return samples;
    }

    /** Alternately creates a workspace and retitles a layer on a; b is polled until it shows the change. */
    private static double[] propagation(KarafNode a, KarafNode b) {
        double[] samples = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start;
            if (i % 2 == 0) {
                String name = "bench_" + i;
                expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"" + name + "\"}}"), 201);
                start = System.nanoTime();
                while (b.rest().get("/workspaces/" + name + ".json").status() != 200) {
                    Thread.onSpinWait();
                }
            } else {
                String title = "Roads " + i;
                expect(a.rest().put("/workspaces/demo/datastores/roads/featuretypes/roads", "{\"featureType\":{\"title\":\"" + title + "\"}}"), 200);
                start = System.nanoTime();
                while (!b.rest().get("/workspaces/demo/datastores/roads/featuretypes/roads.json").body().contains(title)) {
                    Thread.onSpinWait();
                }
            }
            samples[i] = (System.nanoTime() - start) / 1e6;
        }
        return samples;
    }

    private static void row(String measure, double[] samples, String target) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s |%n", measure, percentile(samples, 50), percentile(samples, 95), percentile(samples, 99), target);
    }

    private static double percentile(double[] samples, int percent) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
