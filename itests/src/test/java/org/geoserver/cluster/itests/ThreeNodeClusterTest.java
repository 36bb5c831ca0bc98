package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Three nodes of the built distribution as separate processes: a with the embedded broker, b and c
 * connected to it, c with readOnly=enabled (as on a shared data directory). Changes made over a's
 * REST API reach b and c; b survives a kill -9, a's transport survives being stopped; concurrent
 * edits on two masters end identical everywhere; a fourth node joining with an empty data directory
 * takes the cluster's configuration by itself; a drifted node is named and repaired, and
 * {@code cluster:resync} works on demand. The scenarios build on each other, in order.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ThreeNodeClusterTest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(90);
    private static final String SLD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
            + "<NamedLayer><Name>states</Name><UserStyle><FeatureTypeStyle><Rule><PolygonSymbolizer/></Rule></FeatureTypeStyle></UserStyle>"
            + "</NamedLayer></StyledLayerDescriptor>\n";

    private static KarafNode a;
    private static KarafNode b;
    private static KarafNode c;
    private static KarafNode d;

    @BeforeClass
    public static void startCluster() {
        a = KarafNode.unpack("node-a");
        b = KarafNode.unpack("node-b");
        c = KarafNode.unpack("node-c");
        a.cluster("", false).start();
        b.cluster(a.brokerUrl(), false).start();
        c.cluster(a.brokerUrl(), true).start();
        for (KarafNode node : List.of(a, b, c)) {
            node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
        }
    }

    @AfterClass
    public static void stopCluster() {
        for (KarafNode node : new KarafNode[] {d, c, b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** Waits until every node has a's configuration digest, and prints how long that took. */
    private static void awaitConverged(String scenario) {
        long start = System.nanoTime();
        Wait.until("the three nodes to converge after " + scenario, CONVERGENCE,
                () -> a.digest().equals(b.digest()) && a.digest().equals(c.digest()),
                () -> "digests a=" + a.digest() + " b=" + b.digest() + " c=" + c.digest() + "\nb: " + b.ssh("cluster:status") + "\nc: "
                        + c.ssh("cluster:status"));
        System.out.printf("%s: converged %.1f s after the last change%n", scenario, (System.nanoTime() - start) / 1e9);
    }

    private static void createWorkspace(KarafNode node, String name) {
        expect(node.rest().post("/workspaces", "{\"workspace\":{\"name\":\"" + name + "\"}}"), 201);
    }

    @Test
    public void t1_everyKindOfChangeMadeOnAReachesTheOthers() throws Exception {
        GeoServerRest rest = a.rest();
        createWorkspace(a, "topp");
        expect(rest.post("/workspaces/topp/datastores",
                "{\"dataStore\":{\"name\":\"states\",\"type\":\"Shapefile\",\"connectionParameters\":{\"entry\":[{\"@key\":\"url\",\"$\":\"file:data/states.shp\"}]}}}"),
                201);
        expect(rest.post("/workspaces/topp/datastores/states/featuretypes",
                "{\"featureType\":{\"name\":\"states\",\"nativeName\":\"states\",\"title\":\"States\",\"srs\":\"EPSG:4326\"}}"), 201);
        expect(rest.post("/workspaces/topp/styles", "{\"style\":{\"name\":\"states_style\",\"filename\":\"states_style.sld\"}}"), 201);
        expect(rest.put("/workspaces/topp/styles/states_style", SLD, "application/vnd.ogc.sld+xml"), 200);
        expect(rest.put("/layers/topp:states", "{\"layer\":{\"defaultStyle\":{\"name\":\"topp:states_style\"}}}"), 200);
        expect(rest.post("/workspaces/topp/layergroups",
                "{\"layerGroup\":{\"name\":\"overview\",\"publishables\":{\"published\":[{\"@type\":\"layer\",\"name\":\"topp:states\"}]}}}"), 201);
        expect(rest.put("/workspaces/topp/datastores/states/featuretypes/states", "{\"featureType\":{\"title\":\"United States\"}}"), 200);
        createWorkspace(a, "scratch");
        expect(rest.delete("/workspaces/scratch?recurse=true"), 200);
        awaitConverged("REST changes on a");

        for (KarafNode node : List.of(b, c)) {
            String featureType = expect(node.rest().get("/workspaces/topp/datastores/states/featuretypes/states.json"), 200).body();
            assertTrue(node.name() + ": " + featureType, featureType.contains("United States"));
            expect(node.rest().get("/workspaces/scratch.json"), 404);
            expect(node.rest().get("/workspaces/topp/styles/states_style.json"), 200);
        }
        assertEquals("the style file travelled with the style", SLD, expect(b.rest().get("/workspaces/topp/styles/states_style.sld"), 200).body());
        Path featureTypeFile = Path.of("workspaces/topp/states/states/featuretype.xml");
        assertArrayEquals("b's private data directory holds the same file", Files.readAllBytes(a.dataDirectory().resolve(featureTypeFile)),
                Files.readAllBytes(b.dataDirectory().resolve(featureTypeFile)));
        assertFalse("c (readOnly) keeps the changes in memory only", Files.exists(c.dataDirectory().resolve(featureTypeFile)));

        // the nodes tell each other their digests: a sees both peers with its own configuration
        Wait.until("a to hear b and c have its configuration", Duration.ofSeconds(30), () -> {
            String status = a.ssh("cluster:status");
            return status.contains("Peers:        2 heard of") && status.contains("node-b: same configuration")
                    && status.contains("node-c: same configuration");
        }, () -> a.ssh("cluster:status"));
        String status = expect(a.rest().get("/cluster/status.json"), 200).body();
        assertTrue(status, status.startsWith("{\"status\":{\"instanceName\":\"node-a\",\"group\":\"geoserver-cluster\""));
        assertTrue(status, status.contains("\"digest\":\"" + a.digest() + "\""));
        assertTrue(status, status.contains("\"peers\":[{\"instanceName\":\"node-b\""));
        String applier = expect(b.rest().get("/cluster/applier.json"), 200).body();
        assertTrue(applier, applier.matches("\\{\"applier\":\\{\"applied\":\"?[1-9]\\d*\"?,\"skipped\":.*"));
    }

    @Test
    public void t2_aKilledNodeCatchesUpThroughItsQueue() {
        b.kill();
        for (int i = 0; i < 300; i++) {
            String title = "{\"featureType\":{\"title\":\"States " + i + "\"}}";
            expect(a.rest().put("/workspaces/topp/datastores/states/featuretypes/states", title), 200);
        }
        b.start().awaitReady(Duration.ofSeconds(120));
        awaitConverged("kill -9 of b during 300 changes");
    }

    @Test
    public void t3_stoppingTheTransportBundleLosesNothing() {
        // Each new workspace is two changes: the workspace and its namespace.
        long transport = a.bundleId("org.geoserver.cluster.geoserver-cluster-transport-jms");
        a.ssh("bundle:stop " + transport);
        try {
            for (int i = 0; i < 100; i++) {
                createWorkspace(a, "while_stopped_" + i);
            }
            String status = a.ssh("cluster:status");
            assertTrue(status, status.contains("Outbox:       200 events"));
        } finally {
            a.ssh("bundle:start " + transport);
        }
        awaitConverged("transport bundle stopped during 100 changes");
    }

    @Test
    public void t4_updatingTheTransportBundleWhileChangesAreMadeLosesNothing() throws Exception {
        long transport = a.bundleId("org.geoserver.cluster.geoserver-cluster-transport-jms");
        CompletableFuture<Void> changes = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 50; i++) {
                createWorkspace(a, "during_update_" + i);
            }
        });
        a.ssh("bundle:update " + transport);
        changes.get();
        awaitConverged("transport bundle updated during 50 changes");
        expect(b.rest().get("/workspaces/during_update_49.json"), 200);
    }

    @Test
    public void t5_concurrentEditsOnTwoMastersEndIdentical() throws Exception {
        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) {
                expect(a.rest().put("/layers/topp:states", "{\"layer\":{\"enabled\":" + (i % 2 == 0) + "}}"), 200);
            }
        });
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) {
                expect(b.rest().put("/layers/topp:states", "{\"layer\":{\"advertised\":" + (i % 2 == 0) + "}}"), 200);
            }
        });
        CompletableFuture.allOf(onA, onB).get();
        awaitConverged("concurrent edits of one layer on a and b");
    }

    @Test
    public void t6_aNodeJoiningWithAnEmptyDataDirectoryTakesTheClustersConfiguration() {
        d = KarafNode.unpack("node-d").emptyDataDirectory();
        d.cluster(a.brokerUrl(), false).start().awaitReady(Duration.ofSeconds(120));
        long start = System.nanoTime();
        Wait.until("d to take the cluster's configuration", CONVERGENCE, () -> d.digest().equals(a.digest()),
                () -> "a=" + a.digest() + " d=" + d.digest() + "\n" + d.ssh("cluster:status") + "\n" + d.logTail());
        System.out.printf("fourth node joining empty: identical %.1f s after it was ready%n", (System.nanoTime() - start) / 1e9);
        assertTrue(d.log(), d.log().contains("this node never took part in the cluster"));
        assertEquals("the style file came with the snapshot", SLD, expect(d.rest().get("/workspaces/topp/styles/states_style.sld"), 200).body());
        assertTrue("and was written to d's data directory", Files.exists(d.dataDirectory().resolve("workspaces/topp/states/states/featuretype.xml")));
        // from now on d receives events like the others
        createWorkspace(a, "after_d_joined");
        awaitConverged("a change after d joined");
        Wait.until("d to have it", Duration.ofSeconds(30), () -> d.digest().equals(a.digest()), () -> d.ssh("cluster:status"));
    }

    @Test
    public void t7_aDriftedNodeIsNamedAndRepairedAndResyncWorksOnDemand() throws Exception {
        // An operator edits b's data directory by hand and reloads: b's configuration drifts from the others'.
        Path file = b.dataDirectory().resolve("workspaces/topp/states/states/featuretype.xml");
        Files.writeString(file, Files.readString(file).replaceAll("<title>[^<]*</title>", "<title>Edited by hand</title>"));
        expect(b.rest().post("/reload", ""), 200);
        assertFalse(b.digest().equals(a.digest()));
        long start = System.nanoTime();
        Wait.until("b to be repaired by autoResync", CONVERGENCE, () -> b.digest().equals(a.digest()),
                () -> "a=" + a.digest() + " b=" + b.digest() + "\n" + b.ssh("cluster:status") + "\n" + b.logTail());
        System.out.printf("drifted node: repaired %.1f s after the drift%n", (System.nanoTime() - start) / 1e9);
        String bLog = b.log();
        assertTrue(bLog, bLog.matches("(?s).*differing objects: \\[featureType FeatureTypeInfoImpl-[^\\]]*\\].*"));
        assertTrue(bLog, bLog.contains("this node's configuration differs from 3 of 4 nodes"));
        String title = expect(b.rest().get("/workspaces/topp/datastores/states/featuretypes/states.json"), 200).body();
        assertFalse(title, title.contains("Edited by hand"));
        assertFalse("the repaired file is back", Files.readString(file).contains("Edited by hand"));

        String resync = d.ssh("cluster:resync node-a");
        assertTrue(resync, resync.contains("installed the snapshot of node-a"));
        assertTrue(resync, resync.contains("0 added, 0 modified, 0 removed"));
        String unknown = d.ssh("cluster:resync node-z");
        assertTrue(unknown, unknown.contains("resync failed: node node-z is not a peer this node has heard of"));
    }

    @Test
    public void t8_aNodeWhoseQueuedEventsTheBrokerNoLongerHasResyncsByItself() throws Exception {
        b.kill();
        for (int i = 0; i < 20; i++) {
            createWorkspace(a, "while_b_was_gone_" + i);
        }
        // The broker drops what it kept for b (as when a node is away longer than its messages live).
        int dropped = 0;
        try (jakarta.jms.Connection connection = new org.apache.activemq.ActiveMQConnectionFactory("tcp://127.0.0.1:" + a.brokerPort()).createConnection()) {
            connection.start();
            jakarta.jms.Session session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            jakarta.jms.MessageConsumer queue = session.createConsumer(session.createQueue("Consumer.node-b.VirtualTopic.geoserver"));
            while (queue.receive(2_000) != null) {
                dropped++;
            }
        }
        assertTrue("b's queue held the 40 events (workspaces and namespaces), found " + dropped, dropped >= 40);
        b.start().awaitReady(Duration.ofSeconds(120));
        long start = System.nanoTime();
        Wait.until("b to resync by itself", CONVERGENCE, () -> b.digest().equals(a.digest()), () -> b.ssh("cluster:status") + "\n" + b.logTail());
        System.out.printf("node whose queued events were dropped: identical %.1f s after its restart%n", (System.nanoTime() - start) / 1e9);
        expect(b.rest().get("/workspaces/while_b_was_gone_19.json"), 200);
        assertTrue(b.log(), b.log().contains("Resync (this node's configuration differs from"));
    }
}
