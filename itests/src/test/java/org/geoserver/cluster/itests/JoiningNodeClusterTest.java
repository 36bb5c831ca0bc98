package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * A joining node is complete before it serves: node a starts on the shipped sample data directory
 * (adopted, never changed since: no history of events), node b joins with an empty one while a makes
 * 20 changes. b answers 503 on {@code /rest/cluster/health} until it installed a's snapshot, and
 * when it first answers 200 it holds all of a's configuration, not only the 20 changes.
 */
public class JoiningNodeClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    public void aNodeWithAnEmptyDataDirectoryInstallsASnapshotBeforeItServes() throws Exception {
        try (KarafNode a = KarafNode.unpack("join-a"); KarafNode b = KarafNode.unpack("join-b").emptyDataDirectory()) {
            a.cluster("", false).start();
            a.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            String adopted = expect(a.rest().get("/workspaces.json"), 200).body();
            assertTrue("a holds the sample configuration: " + adopted, adopted.contains("\"name\""));
            assertEquals("a holds configuration of its own: it is not syncing", 200, a.rest().get("/cluster/health.json").status());

            b.cluster(a.brokerUrl(), false).start();
            int[] first = {0};
            Wait.until("b's REST API", Duration.ofSeconds(120), () -> {
                try {
                    first[0] = b.rest().get("/cluster/health.json").status();
                    return first[0] != 404;
                } catch (RuntimeException e) {
                    return false; // not listening yet
                }
            }, b::logTail);
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"joined" + i + "\"}}"), 201);
            }
            List<Integer> answers = new ArrayList<>(List.of(first[0]));
            Wait.until("b to be healthy", WAIT, () -> {
                int status = b.rest().get("/cluster/health.json").status();
                answers.add(status);
                return status == 200;
            }, () -> answers + "\n" + b.ssh("cluster:status") + b.logTail());
            // Healthy only once the snapshot is in: everything a had before the 20 changes is there.
            String onB = expect(b.rest().get("/workspaces.json"), 200).body();
            for (String name : names(adopted)) {
                assertTrue("b serves a's adopted workspace " + name + " once healthy: " + onB, onB.contains("\"" + name + "\""));
            }
            assertTrue("answers before healthy are 503 (syncing): " + answers, answers.stream().allMatch(s -> s == 503 || s == 200));
            // Whether b's REST API came up before the snapshot was in depends on timing; the log says it was joining.
            System.out.println("joining node: health answers until ready " + answers);
            assertTrue(b.log(), b.log().contains("This node starts without configuration of its own"));
            Wait.until("b to have all of a's configuration", WAIT, () -> a.digest().equals(b.digest()), () -> b.ssh("cluster:status") + b.logTail());
            System.out.printf("joining node: identical %.1f s after a's first change%n", (System.nanoTime() - start) / 1e9);
            assertTrue(b.log(), b.log().contains("Joined the cluster: installed the snapshot of join-a"));
            java.util.regex.Pattern notSyncing = java.util.regex.Pattern.compile("\"instanceName\":\"join-b\"[^}]*\"syncing\":\"?false");
            Wait.until("a to hear that b is not syncing any more", WAIT, () -> notSyncing.matcher(a.rest().get("/cluster/status.json").body()).find(),
                    () -> a.rest().get("/cluster/status.json").body());
        }
    }

    /** The workspace names in a {@code /workspaces.json} body. */
    private static List<String> names(String body) {
        List<String> names = new ArrayList<>();
        String[] parts = body.split("\"name\":\"");
        for (int i = 1; i < parts.length; i++) {
            names.add(parts[i].substring(0, parts[i].indexOf('"')));
        }
        return names;
    }
}
