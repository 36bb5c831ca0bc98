package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;

/**
 * A new replicated resource kind is a new bundle and changes nothing in the core: the test-only kind
 * "notes" (module itests/notes-kind) is installed into nodes a and b of a running cluster, node c
 * does without it. A note written on a is captured, replicated to b and digested; c names the kind
 * it lacks and is not taken for drifted; a note edited by hand behind the cluster's back on b is
 * reported as a difference and repaired by a resync; a removal on b reaches a. Node c connects
 * through the broker URL of the JMS transport's own PID, set beside a dead one in org.geoserver.cluster.
 */
public class ResourceKindClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    public void aTestOnlyKindIsCapturedReplicatedDigestedAndRepaired() throws Exception {
        Path bundle = notesKindBundle();
        try (KarafNode a = KarafNode.unpack("kind-a"); KarafNode b = KarafNode.unpack("kind-b"); KarafNode c = KarafNode.unpack("kind-c")) {
            a.cluster("", false).start();
            b.cluster(a.brokerUrl(), false).start();
            // c finds the broker through the JMS transport's own PID, which wins over the (dead) GeoServer key.
            c.cluster("tcp://127.0.0.1:1", false);
            c.configure("org.geoserver.cluster.transport.jms.cfg", "brokerURL", a.brokerUrl());
            c.start();
            for (KarafNode node : new KarafNode[] {a, b, c}) {
                node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            }
            for (KarafNode node : new KarafNode[] {a, b}) {
                String installed = node.ssh("bundle:install -s " + bundle.toUri());
                assertTrue(installed, installed.contains("Bundle ID"));
                Wait.until("the notes kind to serve on " + node.name(), WAIT, () -> node.rest().get("/cluster/notes.json").status() == 200,
                        () -> node.ssh("scr:list") + node.logTail());
            }
            assertEquals("node c has no notes kind", 404, c.rest().get("/cluster/notes.json").status());

            // Captured on a, replicated to b, digested on both.
            String before = a.digest();
            expect(a.rest().post("/cluster/notes/first?text=hello", ""), 200);
            Wait.until("b to have a's note", WAIT, () -> notes(b).contains("\"hello\""), () -> notes(b) + b.logTail());
            Path onB = b.home().resolve("data/notes/first.txt");
            assertEquals("hello", Files.readString(onB));
            assertFalse("the note is part of a's digest", a.digest().equals(before));
            Wait.until("a and b to have one digest", WAIT, () -> a.digest().equals(b.digest()), () -> b.ssh("cluster:status"));

            // c lacks the kind: named, not compared, not a drift.
            Wait.until("c to name the kind it lacks, of a and of b", WAIT,
                    () -> c.ssh("cluster:status").split("kinds this node lacks \\(not compared\\): notes", -1).length == 3, () -> c.ssh("cluster:status"));
            String cStatus = c.ssh("cluster:status");
            assertTrue(cStatus, cStatus.contains("kind-a: same configuration") && cStatus.contains("kind-b: same configuration"));
            assertTrue("c keeps the notes event for the kind it lacks: " + cStatus, cStatus.contains("Deferred:     1 events"));
            Wait.until("a to name the kind c lacks", WAIT, () -> a.ssh("cluster:status").contains("kinds it lacks (not compared): notes"),
                    () -> a.ssh("cluster:status"));

            // Behind the cluster's back: b's note edited by hand is a difference, and a resync repairs it.
            Files.writeString(onB, "edited by hand");
            Wait.until("a to see b's notes differ", WAIT, () -> a.ssh("cluster:status").contains("kind-b: different configuration in note"),
                    () -> a.ssh("cluster:status"));
            String resync = b.ssh("cluster:resync kind-a");
            assertTrue(resync, resync.contains("installed the snapshot of kind-a") || Files.readString(onB).equals("hello"));
            Wait.until("b's note to be repaired", WAIT, () -> read(onB).equals("hello"), () -> b.ssh("cluster:status"));
            Wait.until("a and b to have one digest again", WAIT, () -> a.digest().equals(b.digest()), () -> b.ssh("cluster:status"));

            // A removal on b reaches a; c never resynced for want of the kind.
            expect(b.rest().delete("/cluster/notes/first"), 200);
            Wait.until("a to lose the note", WAIT, () -> !notes(a).contains("hello"), () -> notes(a));
            assertFalse(c.log(), c.log().contains("Installed the snapshot"));
        }
    }

    private static String notes(KarafNode node) {
        return expect(node.rest().get("/cluster/notes.json"), 200).body();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + e + ")";
        }
    }

    /** The notes-kind bundle, a test dependency: its jar on the test class path. */
    private static Path notesKindBundle() throws Exception {
        URL manifestOfClass = ResourceKindClusterTest.class.getClassLoader().getResource("org/geoserver/cluster/itests/notes/NotesResource.class");
        assertTrue("the notes-kind bundle is on the test class path", manifestOfClass != null);
        String location = manifestOfClass.toString();
        if (location.startsWith("jar:")) {
            return Path.of(new URL(location.substring(4, location.indexOf("!/"))).toURI());
        }
        throw new AssertionError("the notes-kind bundle is not a jar here: " + location);
    }
}
