package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Convergence under faults: three nodes on a standalone broker, seeded random changes of every
 * kind through a's REST API, and a fault in the middle of each burst. After each scenario every
 * node has the same digest and a's configuration, read back through REST, equals the model of
 * the accepted changes. The seed is printed; {@code -Dfaults.seed=N} repeats a run.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClusterFaultTest {

    private static final long SEED = Long.getLong("faults.seed", System.nanoTime());
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);
    private static final RandomChanges CHANGES = new RandomChanges(SEED);

    private static StandaloneBroker broker;
    private static KarafNode a;
    private static KarafNode b;
    private static KarafNode c;
    private static KarafNode d;
    private static final List<KarafNode> NODES = new ArrayList<>();

    @BeforeClass
    public static void startCluster() {
        System.out.println("ClusterFaultTest seed: " + SEED + " (repeat with -Dfaults.seed=" + SEED + ")");
        broker = StandaloneBroker.unpack("faults-broker").start();
        a = KarafNode.unpack("faults-a");
        b = KarafNode.unpack("faults-b");
        c = KarafNode.unpack("faults-c");
        NODES.addAll(List.of(a, b, c));
        for (KarafNode node : NODES) {
            node.cluster(broker.url(), false).start();
        }
        for (KarafNode node : NODES) {
            node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
        }
    }

    @AfterClass
    public static void stopCluster() {
        for (int i = NODES.size() - 1; i >= 0; i--) {
            NODES.get(i).close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** Every node's digest equal, then a's configuration equal to the model; prints the time it took. */
    private static void awaitConverged(String scenario) {
        long start = System.nanoTime();
        Wait.until("all nodes to converge after " + scenario, CONVERGENCE, () -> {
            String digest = a.digest();
            return NODES.stream().allMatch(node -> node.digest().equals(digest));
        }, () -> {
            StringBuilder details = new StringBuilder();
            NODES.forEach(node -> details.append(node.name()).append(": ").append(node.ssh("cluster:status")).append('\n'));
            return details.toString();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> differences = CHANGES.verify(a.rest());
        assertTrue("after " + scenario + " (seed " + SEED + "), a differs from the model of the accepted changes:\n" + String.join("\n", differences),
                differences.isEmpty());
        System.out.printf("%s: %d changes accepted in all, converged %.1f s after the last change%n", scenario, CHANGES.changes(), seconds);
    }

    /** Makes {@code count} changes on a in the background; runs the fault once the first fifth is in. */
    private static void burstWithFault(int count, Runnable fault) throws Exception {
        int before = CHANGES.changes();
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> CHANGES.make(a.rest(), count));
        Wait.until("a fifth of the burst", Duration.ofSeconds(60), () -> CHANGES.changes() >= before + count / 5 || burst.isDone());
        fault.run();
        burst.get();
    }

    @Test
    public void f1_killMinus9OfASlaveDuring1000Changes() throws Exception {
        burstWithFault(1000, c::kill);
        c.start().awaitReady(Duration.ofSeconds(120));
        awaitConverged("kill -9 of c during 1,000 changes");
    }

    @Test
    public void f2_brokerStopAndStartDuring1000Changes() throws Exception {
        burstWithFault(1000, () -> {
            broker.stop();
            sleep(2_000);
            broker.start();
        });
        awaitConverged("broker stopped and started during 1,000 changes");
    }

    @Test
    public void f3_transportBundleUpdateDuring1000Changes() throws Exception {
        long transport = a.bundleId("org.geoserver.cluster.geoserver-cluster-transport-jms");
        burstWithFault(1000, () -> a.ssh("bundle:update " + transport));
        awaitConverged("transport bundle:update on a during 1,000 changes");
    }

    @Test
    public void f4_aFourthNodeJoiningEmptyAfter5000Changes() {
        CHANGES.make(a.rest(), Math.max(0, 5000 - CHANGES.changes()));
        awaitConverged("5,000 changes");
        d = KarafNode.unpack("faults-d").emptyDataDirectory();
        d.cluster(broker.url(), false).start().awaitReady(Duration.ofSeconds(120));
        NODES.add(d);
        awaitConverged("a fourth node joining empty after " + CHANGES.changes() + " changes");
    }

    private static final Pattern TITLE = Pattern.compile("\"title\":\"([^\"]*)\"");

    @Test
    public void f5_twoMastersEditingOverlappingObjectsConcurrently() throws Exception {
        // The feature types both masters edit, as (workspace, store, type) paths.
        List<String[]> targets = new ArrayList<>();
        CHANGES.workspaces.forEach((ws, w) -> w.stores.forEach((store, s) -> s.featureTypes.keySet().forEach(type -> targets.add(new String[] {ws, store, type}))));
        assertTrue("the earlier scenarios left feature types to edit", targets.size() >= 2);
        List<String[]> overlapping = targets.subList(0, Math.min(5, targets.size()));
        Map<String, String> lastOnA = new HashMap<>();
        Map<String, String> lastOnB = new HashMap<>();
        Random random = new Random(SEED);
        long seedA = random.nextLong();
        long seedB = random.nextLong();
        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> edit(a, overlapping, new Random(seedA), "a", lastOnA));
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> edit(b, overlapping, new Random(seedB), "b", lastOnB));
        CompletableFuture.allOf(onA, onB).get();
        Wait.until("the two masters to converge", CONVERGENCE, () -> a.digest().equals(b.digest()) && NODES.stream().allMatch(n -> n.digest().equals(a.digest())));
        // Last writer wins: each object ends with the last title one of the two masters gave it.
        for (String[] target : overlapping) {
            String path = "/workspaces/" + target[0] + "/datastores/" + target[1] + "/featuretypes/" + target[2];
            Matcher title = TITLE.matcher(expect(a.rest().get(path + ".json"), 200).body());
            assertTrue(path, title.find());
            String key = String.join(":", target);
            assertTrue(path + " ends with " + title.group(1) + ", neither last write (" + lastOnA.get(key) + ", " + lastOnB.get(key) + ")",
                    title.group(1).equals(lastOnA.get(key)) || title.group(1).equals(lastOnB.get(key)));
            CHANGES.workspaces.get(target[0]).stores.get(target[1]).featureTypes.get(target[2]).title = title.group(1);
        }
        awaitConverged("two masters editing " + overlapping.size() + " feature types concurrently (200 changes each)");
    }

    private static void edit(KarafNode node, List<String[]> targets, Random random, String master, Map<String, String> last) {
        for (int i = 0; i < 200; i++) {
            String[] target = targets.get(random.nextInt(targets.size()));
            String title = "edited on " + master + " " + i;
            expect(node.rest().put("/workspaces/" + target[0] + "/datastores/" + target[1] + "/featuretypes/" + target[2],
                    "{\"featureType\":{\"title\":\"" + title + "\"}}"), 200);
            last.put(String.join(":", target), title);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
