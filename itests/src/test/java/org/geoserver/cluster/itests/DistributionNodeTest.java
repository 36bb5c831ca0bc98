package org.geoserver.cluster.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.Test;

/** Starts the built distribution as a separate process, offline, the way an operator runs a node. */
public class DistributionNodeTest {

    @Test
    public void bootsOfflineServesBrokerHttpAndShellThenStopsCleanly() throws Exception {
        try (KarafNode node = KarafNode.unpack("distribution").offline()) {
            // Unused without a user name, but set: neither may show among the services' properties.
            node.configure("org.geoserver.cluster.cfg", "password", "cluster-password-not-for-listing");
            node.configure("org.geoserver.cluster.transport.jms.cfg", "password", "jms-password-not-for-listing");
            long started = System.nanoTime();
            node.start().awaitReady(Duration.ofSeconds(120));
            Wait.until("broker port " + node.brokerPort(), Duration.ofSeconds(30), () -> Ports.listening(node.brokerPort()), node::logTail);
            System.out.printf("Distribution node ready (ssh, feature started, broker listening) in %.1f s%n", (System.nanoTime() - started) / 1e9);

            String features = node.ssh("feature:list -i");
            assertTrue(features, Pattern.compile("(?m)^geoserver-cluster\\s+\\|.*\\|\\s*Started").matcher(features).find());
            assertTrue(features, Pattern.compile("(?m)^geoserver-cluster-activemq\\s+\\|.*\\|\\s*Started").matcher(features).find());

            String bundles = node.ssh("bundle:list -t 0");
            assertFalse("every bundle started:\n" + bundles, Pattern.compile("(?m)\\|\\s*(Installed|Failure|GracePeriod)\\s*\\|").matcher(bundles).find());
            assertTrue(bundles, bundles.contains("GeoServer Cluster :: Embedded ActiveMQ broker"));

            Wait.until("the cluster transport to connect to the node's own broker", Duration.ofSeconds(30),
                    () -> node.ssh("cluster:status").contains("connected to failover:(tcp://127.0.0.1:" + node.brokerPort() + ")"),
                    () -> node.ssh("cluster:status"));
            String services = node.ssh("service:list");
            assertTrue(services, services.contains("org.geoserver.cluster.api.ClusterConfiguration") && services.contains("org.geoserver.cluster.api.EventTransport"));
            assertFalse("no broker password among the services' properties", services.contains("not-for-listing"));
            String status = node.ssh("cluster:status");
            assertTrue(status, status.contains("Group:        geoserver-cluster"));
            assertTrue(status, status.contains("Roles:        master + slave"));
            assertTrue(status, status.contains("Outbox:       0 events waiting"));
            String toggled = node.ssh("cluster:toggle slave off");
            assertTrue(toggled, toggled.contains("toggleSlave = false"));
            Wait.until("slave off to show", Duration.ofSeconds(10), () -> node.ssh("cluster:status").contains("Roles:        master\n")
                    || node.ssh("cluster:status").contains("Roles:        master\r\n"), () -> node.ssh("cluster:status"));

            assertTrue("HTTP answers on port " + node.httpPort(), Ports.listening(node.httpPort()));
            // The sample configuration shipped in geoserver-data loads whole.
            String layer = GeoServerRest.expect(node.rest().get("/layers/demo:roads.json"), 200).body();
            assertTrue(layer, layer.contains("\"line\""));
            GeoServerRest.expect(node.rest().get("/layergroups/overview.json"), 200);
            assertEquals(5, node.rest().get("/styles.json").body().split("\"name\"").length - 1);
            assertFalse("no reference problems loading the sample", node.logTail().contains("Reference problems"));
            assertEquals("a JMS message through the node's broker", "hello", roundTrip(node.brokerPort()));
            String arguments = String.join(" ", ProcessHandle.of(node.javaPid()).orElseThrow().info().arguments().orElseThrow());
            assertEquals("C1 only on two processors or fewer (bin/setenv): " + arguments, processors() <= 2, arguments.contains("-XX:TieredStopAtLevel=1"));

            assertEquals("exit code of a clean shutdown", 0, node.stop(Duration.ofSeconds(60)));
            assertFalse("broker port closed after shutdown", Ports.listening(node.brokerPort()));
            assertFalse("ssh port closed after shutdown", Ports.listening(node.sshPort()));
        }
    }

    @Test
    public void setenvKeepsTheOperatorsChoiceOfCompilers() throws Exception {
        try (KarafNode node = KarafNode.unpack("setenv")) {
            assertEquals("-XX:-TieredCompilation", setenv(node, "-XX:-TieredCompilation"));
            assertEquals("-XX:TieredStopAtLevel=4 -Dx=1", setenv(node, "-XX:TieredStopAtLevel=4 -Dx=1"));
            assertEquals(processors() <= 2 ? "-Dx=1 -XX:TieredStopAtLevel=1" : "-Dx=1", setenv(node, "-Dx=1"));
        }
    }

    /** EXTRA_JAVA_OPTS after the distribution's bin/setenv, as bin/karaf sources it. */
    private static String setenv(KarafNode node, String extraJavaOpts) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", ". bin/setenv; printf %s \"$EXTRA_JAVA_OPTS\"").directory(node.home().toFile());
        builder.environment().put("EXTRA_JAVA_OPTS", extraJavaOpts);
        return output(builder).trim();
    }

    private static int processors() throws Exception {
        return Integer.parseInt(output(new ProcessBuilder("getconf", "_NPROCESSORS_ONLN")).trim());
    }

    private static String output(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(output, 0, process.waitFor());
        return output;
    }

    private static String roundTrip(int port) throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic("VirtualTopic.itest");
            MessageConsumer consumer = session.createConsumer(topic);
            session.createProducer(topic).send(session.createTextMessage("hello"));
            TextMessage received = (TextMessage) consumer.receive(10_000);
            return received == null ? null : received.getText();
        }
    }
}
