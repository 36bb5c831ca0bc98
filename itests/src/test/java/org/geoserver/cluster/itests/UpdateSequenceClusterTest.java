package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * Three nodes (a with the embedded broker, b and c connected to it) serve one update sequence in
 * {@code GET /rest/settings}: every change, made on any node, increases it on every node, and once
 * the nodes hold the same configuration they show the same value, also after changes made on all
 * three at once (which reach each node in another order). Seeded ({@code -Dupdatesequence.seed=N}).
 */
public class UpdateSequenceClusterTest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(60);
    private static final Pattern DIGEST = Pattern.compile("\"digest\":\"([0-9a-f]{64})\"");
    private static final Pattern UPDATE_SEQUENCE = Pattern.compile("\"updateSequence\":(-?\\d+)");

    @Test
    public void everyChangeIncreasesItAndConvergedNodesAgree() {
        long seed = Long.getLong("updatesequence.seed", System.nanoTime());
        System.out.println("UpdateSequenceClusterTest seed " + seed + " (-Dupdatesequence.seed=" + seed + " repeats it)");
        Random random = new Random(seed);
        try (KarafNode a = KarafNode.unpack("useq-a"); KarafNode b = KarafNode.unpack("useq-b"); KarafNode c = KarafNode.unpack("useq-c")) {
            a.cluster("", false).start();
            b.cluster(a.brokerUrl(), false).start();
            c.cluster(a.brokerUrl(), false).start();
            List<KarafNode> nodes = List.of(a, b, c);
            for (KarafNode node : nodes) {
                node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            }
            long[] before = awaitAgreement(nodes, "the start", new long[3]);
            List<String> workspaces = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                KarafNode node = nodes.get(random.nextInt(nodes.size()));
                String change = change(node, random, workspaces, "w" + i);
                long[] after = awaitAgreement(nodes, change + " on " + node.name(), before);
                for (int n = 0; n < nodes.size(); n++) {
                    assertTrue(nodes.get(n).name() + " after " + change + " on " + node.name() + ": " + after[n] + " > " + before[n], after[n] > before[n]);
                }
                before = after;
            }

            // All three at once: each node receives the others' changes in its own order, and the
            // global settings are edited concurrently on every node.
            List<CompletableFuture<Void>> bursts = new ArrayList<>();
            for (KarafNode node : nodes) {
                long burstSeed = random.nextLong();
                bursts.add(CompletableFuture.runAsync(() -> {
                    Random own = new Random(burstSeed);
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        change(node, own, mine, node.name().replace("-", "_") + "_" + i);
                    }
                }));
            }
            bursts.forEach(CompletableFuture::join);
            long[] after = awaitAgreement(nodes, "changes made on the three nodes at once", before);
            System.out.println("update sequences before the concurrent changes " + Arrays.toString(before) + ", after " + Arrays.toString(after));
            for (int n = 0; n < nodes.size(); n++) {
                assertTrue(nodes.get(n).name() + " after the concurrent changes: " + after[n] + " > " + before[n], after[n] > before[n]);
            }
        }
    }

    /**
     * One change on the node: a new workspace, a change of the global settings (sending back the
     * update sequence read, as GeoServer clients do) or the removal of a workspace made before.
     */
    private static String change(KarafNode node, Random random, List<String> workspaces, String name) {
        int kind = workspaces.isEmpty() ? 0 : random.nextInt(3);
        GeoServerRest rest = node.rest();
        switch (kind) {
            case 0 -> {
                expect(rest.post("/workspaces", "{\"workspace\":{\"name\":\"" + name + "\"}}"), 201);
                workspaces.add(name);
                return "creating workspace " + name;
            }
            case 1 -> {
                long shown = updateSequence(node);
                expect(rest.put("/settings", "{\"global\":{\"settings\":{\"numDecimals\":" + random.nextInt(1000) + "},\"updateSequence\":" + shown + "}}"), 200);
                return "changing the global settings";
            }
            default -> {
                String removed = workspaces.remove(random.nextInt(workspaces.size()));
                expect(rest.delete("/workspaces/" + removed + "?recurse=true"), 200);
                return "removing workspace " + removed;
            }
        }
    }

    private static long updateSequence(KarafNode node) {
        String settings = expect(node.rest().get("/settings.json"), 200).body();
        Matcher matcher = UPDATE_SEQUENCE.matcher(settings);
        if (!matcher.find()) {
            throw new AssertionError("no updateSequence in node " + node.name() + "'s settings: " + settings);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String digest(KarafNode node) {
        String status = expect(node.rest().get("/cluster/status.json"), 200).body();
        Matcher matcher = DIGEST.matcher(status);
        if (!matcher.find()) {
            throw new AssertionError("no digest in node " + node.name() + "'s status: " + status);
        }
        return matcher.group(1);
    }

    /**
     * Waits until the nodes have the same configuration digest and show the same update sequence,
     * checking meanwhile that no node's value ever goes down; returns the values.
     */
    private static long[] awaitAgreement(List<KarafNode> nodes, String after, long[] before) {
        long[] seen = before.clone();
        String[] digests = new String[nodes.size()];
        Wait.until("the nodes to agree after " + after, CONVERGENCE, () -> {
            for (int n = 0; n < nodes.size(); n++) {
                digests[n] = digest(nodes.get(n));
                long value = updateSequence(nodes.get(n));
                assertTrue(nodes.get(n).name() + "'s update sequence went down from " + seen[n] + " to " + value + " after " + after, value >= seen[n]);
                seen[n] = value;
            }
            return Arrays.stream(digests).distinct().count() == 1 && Arrays.stream(seen).distinct().count() == 1;
        }, () -> "digests " + Arrays.toString(digests) + ", update sequences " + Arrays.toString(seen));
        return seen.clone();
    }
}
