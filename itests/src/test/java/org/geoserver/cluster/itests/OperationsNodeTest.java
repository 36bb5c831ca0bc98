package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * What an operator sees of two nodes of the distribution (a runs the broker, b connects to it): the
 * audit log of local and applied changes, the Prometheus metrics during a burst of changes, a
 * failed event listed, retried and applied once its cause is gone, over REST and the shell, and the
 * MBeans over Karaf's JMX connector during a burst.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OperationsNodeTest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(60);

    private static KarafNode a;
    private static KarafNode b;

    @BeforeClass
    public static void startCluster() {
        a = KarafNode.unpack("ops-a");
        b = KarafNode.unpack("ops-b");
        a.cluster("", false).start();
        b.cluster(a.brokerUrl(), false).start();
        for (KarafNode node : List.of(a, b)) {
            node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
        }
    }

    @AfterClass
    public static void stopCluster() {
        for (KarafNode node : new KarafNode[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static void awaitConverged(String what) {
        Wait.until("a and b to converge after " + what, CONVERGENCE, () -> a.digest().equals(b.digest()),
                () -> "a=" + a.digest() + " b=" + b.digest() + "\nb: " + b.ssh("cluster:status"));
    }

    private static String auditLog(KarafNode node) {
        try {
            Path file = node.home().resolve("data/log/geoserver-audit.log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of an unlabelled sample, or of one with the given labels, e.g. {@code {peer="node-b"}}. */
    private static double sample(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        assertTrue(name + " in\n" + metrics, m.find());
        return Double.parseDouble(m.group(1));
    }

    private static String metrics(KarafNode node) {
        GeoServerRest.Answer answer = expect(node.rest().get("/cluster/metrics"), 200);
        return answer.body();
    }

    @Test
    public void t1_everyChangeLocalOrAppliedIsOneLineOfTheAuditLog() {
        expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"audited\"}}"), 201);
        awaitConverged("a new workspace");
        Wait.until("both audit logs to have the change", Duration.ofSeconds(20),
                () -> auditLog(a).contains("name=audited") && auditLog(b).contains("name=audited"), () -> auditLog(a) + "\n--\n" + auditLog(b));
        String local = auditLog(a).lines().filter(l -> l.contains("type=workspace") && l.contains("name=audited")).findFirst().orElseThrow();
        assertTrue(local, local.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z node=ops-a user=admin operation=ADD type=workspace id=WorkspaceInfoImpl-\\S+ name=audited"));
        String applied = auditLog(b).lines().filter(l -> l.contains("type=workspace") && l.contains("name=audited")).findFirst().orElseThrow();
        assertTrue(applied, applied.matches("\\S+ node=ops-a user=admin operation=ADD type=workspace id=WorkspaceInfoImpl-\\S+ name=audited appliedOn=ops-b"));
        assertTrue("the namespace made with it is audited too: " + auditLog(b), auditLog(b).contains("operation=ADD type=namespace"));
    }

    @Test
    public void t2_metricsCountABurstOfChanges() {
        String beforeA = metrics(a);
        String beforeB = metrics(b);
        for (int i = 0; i < 50; i++) {
            expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"burst" + i + "\"}}"), 201);
        }
        awaitConverged("a burst of 50 workspaces");
        Wait.until("b to count every applied event", Duration.ofSeconds(20),
                () -> sample(metrics(b), "geoserver_cluster_events_applied_total") >= sample(beforeB, "geoserver_cluster_events_applied_total") + 100,
                () -> metrics(b));
        String afterA = metrics(a);
        String afterB = metrics(b);
        // each workspace comes with its namespace: two events
        assertTrue(afterA, sample(afterA, "geoserver_cluster_events_published_total") >= sample(beforeA, "geoserver_cluster_events_published_total") + 100);
        assertEquals(0, sample(afterA, "geoserver_cluster_outbox_events"), 0);
        assertTrue(afterB, sample(afterB, "geoserver_cluster_apply_latency_seconds_count") >= sample(beforeB, "geoserver_cluster_apply_latency_seconds_count") + 100);
        assertTrue(afterB, sample(afterB, "geoserver_cluster_apply_latency_seconds_bucket{le=\"+Inf\"}")
                == sample(afterB, "geoserver_cluster_apply_latency_seconds_count"));
        assertEquals(afterB, 0, sample(afterB, "geoserver_cluster_peer_lag_events{peer=\"ops-a\"}"), 0);
        assertTrue(afterB, sample(afterB, "geoserver_cluster_peer_last_heard_seconds{peer=\"ops-a\"}") < 30);
        // as last heard: a's status follows every 5 s
        Wait.until("b to hear that a has its configuration", Duration.ofSeconds(20),
                () -> sample(metrics(b), "geoserver_cluster_peer_same_configuration{peer=\"ops-a\"}") == 1, () -> metrics(b));
        assertTrue(expect(b.rest().get("/cluster/metrics"), 200).body().contains("# TYPE geoserver_cluster_apply_latency_seconds histogram"));
    }

    @Test
    public void t3_aFailedEventIsListedRetriedAndAppliedOnceItsCauseIsGone() {
        expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"shared\"}}"), 201);
        awaitConverged("workspace shared");
        // b makes a store of the same name without telling a (publishing off): a's own store then cannot apply on b;
        // b must not repair the difference by a resync meanwhile
        b.ssh("config:property-set -p org.geoserver.cluster autoResync false");
        b.ssh("cluster:toggle master off");
        awaitRole(b, "master", false);
        expect(b.rest().post("/workspaces/shared/datastores", "{\"dataStore\":{\"name\":\"dup\",\"type\":\"PostGIS\"}}"), 201);
        expect(a.rest().post("/workspaces/shared/datastores", "{\"dataStore\":{\"name\":\"dup\",\"type\":\"Shapefile\"}}"), 201);
        Wait.until("b to keep a's store as failed", Duration.ofSeconds(30),
                () -> expect(b.rest().get("/cluster/kept.json"), 200).body().contains("\"kind\":\"FAILED\""), () -> b.ssh("cluster:status"));
        String kept = expect(b.rest().get("/cluster/kept.json"), 200).body();
        Matcher idMatch = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(kept);
        assertTrue(kept, idMatch.find());
        String id = idMatch.group(1);
        assertTrue(kept, kept.contains("already exists"));
        String listed = b.ssh("cluster:failed");
        assertTrue(listed, listed.contains(id) && listed.contains("FAILED") && listed.contains("already exists"));
        String shown = b.ssh("cluster:failed " + id);
        assertTrue(shown, shown.contains("<dataStore>") && shown.contains("Shapefile"));
        assertTrue(expect(b.rest().get("/cluster/kept/" + id + ".json"), 200).body().contains("Shapefile"));

        assertTrue(expect(b.rest().post("/cluster/kept/" + id + "/retry", ""), 200).body().contains("FAILED"));
        expect(b.rest().delete("/workspaces/shared/datastores/dup"), 200);
        String retried = b.ssh("cluster:retry " + id);
        assertTrue(retried, retried.contains(id + ": APPLIED"));
        b.ssh("cluster:toggle master on");
        b.ssh("config:property-set -p org.geoserver.cluster autoResync true");
        awaitConverged("the retried store");
        assertTrue(expect(b.rest().get("/workspaces/shared/datastores/dup.json"), 200).body().contains("Shapefile"));
        assertEquals("{\"keptEvents\":\"\"}", expect(b.rest().get("/cluster/kept.json"), 200).body());
        expect(b.rest().post("/cluster/kept/" + id + "/retry", ""), 404);
        expect(b.rest().delete("/cluster/kept/" + id), 404);
        assertTrue(metrics(b).contains("geoserver_cluster_events_failed_total 1"));
    }

    /** Karaf's JMX connector of a node, over its RMI ports, with the administrator's login. */
    private static JMXConnector jmx(KarafNode node) throws IOException {
        java.util.Properties management = new java.util.Properties();
        try (var in = Files.newInputStream(node.home().resolve("etc/org.apache.karaf.management.cfg"))) {
            management.load(in);
        }
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + management.getProperty("rmiServerPort") + "/jndi/rmi://127.0.0.1:"
                + management.getProperty("rmiRegistryPort") + "/karaf-root");
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {KarafNode.USER, KarafNode.PASSWORD}));
    }

    @Test
    public void t4_mbeansShowTheNodeTheApplierAndThePeersDuringABurstAndSwitchRoles() throws Exception {
        try (JMXConnector connector = jmx(b)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName node = new ObjectName("org.geoserver.cluster:type=Node");
            ObjectName applier = new ObjectName("org.geoserver.cluster:type=Applier");
            ObjectName peers = new ObjectName("org.geoserver.cluster:type=Peers");
            assertEquals("ops-b", server.getAttribute(node, "InstanceName"));
            assertEquals(1, server.getAttribute(peers, "Count"));
            long before = (Long) server.getAttribute(applier, "Applied");

            Thread burst = new Thread(() -> {
                for (int i = 0; i < 40; i++) {
                    expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"jmx" + i + "\"}}"), 201);
                }
            });
            burst.start();
            long seen = before;
            while (burst.isAlive()) {
                long now = (Long) server.getAttribute(applier, "Applied");
                assertTrue("the counter never goes back: " + seen + " then " + now, now >= seen);
                seen = now;
                Thread.sleep(20);
            }
            burst.join();
            awaitConverged("a burst watched over JMX");
            Wait.until("b's applier MBean to count the burst", Duration.ofSeconds(20),
                    () -> jmxLong(server, applier, "Applied") >= before + 80, () -> "applied " + jmxLong(server, applier, "Applied"));
            assertEquals(a.digest(), server.getAttribute(node, "Digest"));
            assertEquals(0, server.getAttribute(node, "Outbox"));
            String[] lines = (String[]) server.getAttribute(peers, "Peers");
            assertTrue(String.join("\n", lines), lines.length == 1 && lines[0].startsWith("ops-a: "));

            // Config Admin applies the saved change a moment later
            server.setAttribute(node, new javax.management.Attribute("Slave", false));
            awaitSlave(b, false);
            assertEquals(false, server.getAttribute(node, "Slave"));
            server.setAttribute(node, new javax.management.Attribute("Slave", true));
            awaitSlave(b, true);
            assertEquals(0, ((String[]) server.getAttribute(applier, "KeptEvents")).length);
            assertEquals(false, server.invoke(applier, "discard", new Object[] {"nothing"}, new String[] {String.class.getName()}));
        }
    }

    private static void awaitSlave(KarafNode node, boolean slave) {
        awaitRole(node, "slave", slave);
    }

    /** Waits until a saved role switch is in effect: Config Admin applies it a moment after it is saved. */
    private static void awaitRole(KarafNode node, String role, boolean on) {
        Wait.until(node.name() + " to have " + role + "=" + on, Duration.ofSeconds(10),
                () -> expect(node.rest().get("/cluster/status.xml"), 200).body().contains("<" + role + ">" + on + "</" + role + ">"),
                () -> expect(node.rest().get("/cluster/status.xml"), 200).body());
    }

    private static long jmxLong(MBeanServerConnection server, ObjectName name, String attribute) {
        try {
            return (Long) server.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new AssertionError(name + " " + attribute, e);
        }
    }

    /** The overview's field of one node, from its XML form. */
    private static String field(String overview, String node, String field) {
        Matcher m = Pattern.compile("<node>\\s*<instanceName>" + Pattern.quote(node) + "</instanceName>(.*?)</node>", Pattern.DOTALL).matcher(overview);
        assertTrue(node + " in " + overview, m.find());
        Matcher value = Pattern.compile("<" + field + ">([^<]*)</" + field + ">").matcher(m.group(1));
        assertTrue(field + " of " + node + " in " + overview, value.find());
        return value.group(1);
    }

    private static String overview(KarafNode node) {
        return expect(node.rest().get("/cluster/overview.xml"), 200).body();
    }

    @Test
    public void t5_theOverviewShowsEveryNodeAndSwitchesReachAnyNode() {
        Wait.until("a's overview to show b with the same configuration", Duration.ofSeconds(20),
                () -> field(overview(a), "ops-b", "sameConfiguration").equals("true"), () -> overview(a));
        String overview = overview(a);
        assertEquals("true", field(overview, "ops-a", "self"));
        assertEquals("false", field(overview, "ops-b", "self"));
        assertEquals("true", field(overview, "ops-b", "slave"));

        // switched from a's API, done on b, reported back
        String answer = expect(a.rest().post("/cluster/nodes/ops-b/toggle?role=slave&state=off", ""), 200).body();
        assertEquals("toggleSlave = false on ops-b", answer);
        awaitSlave(b, false);
        for (int i = 0; i < 5; i++) {
            expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"held" + i + "\"}}"), 201);
        }
        Wait.until("a to see b behind by the 10 events it does not consume", Duration.ofSeconds(20),
                () -> Long.parseLong(field(overview(a), "ops-b", "behindEvents")) >= 10 && field(overview(a), "ops-b", "slave").equals("false"),
                () -> overview(a));
        Wait.until("b to see itself behind a", Duration.ofSeconds(20), () -> Long.parseLong(field(overview(b), "ops-b", "behindEvents")) >= 10,
                () -> overview(b));
        expect(a.rest().post("/cluster/nodes/ops-b/toggle?role=slave&state=on", ""), 200);
        awaitConverged("b consuming again");
        Wait.until("a to see b caught up", Duration.ofSeconds(20),
                () -> field(overview(a), "ops-b", "behindEvents").equals("0") && field(overview(a), "ops-b", "sameConfiguration").equals("true"),
                () -> overview(a));

        String resynced = expect(a.rest().post("/cluster/nodes/ops-b/resync", ""), 200).body();
        assertTrue(resynced, resynced.startsWith("ops-b: "));
        expect(a.rest().post("/cluster/nodes/ops-a/toggle?role=master&state=sideways", ""), 400);
        expect(a.rest().post("/cluster/nodes/nobody/toggle?role=slave&state=off", ""), 404);
        expect(a.rest().post("/cluster/nodes/ops-b/reboot", ""), 404);
        assertTrue(expect(a.rest().post("/cluster/nodes/ops-a/toggle?role=master&state=on", ""), 200).body().contains("on ops-a"));
    }
}
