package org.geoserver.cluster.itests.bench;

import static org.geoserver.cluster.itests.GeoServerRest.expect;
import static org.geoserver.cluster.itests.bench.ClusterBenchmark.digest;
import static org.geoserver.cluster.itests.bench.ClusterBenchmark.percentile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.geoserver.cluster.itests.GeoServerRest;
import org.geoserver.cluster.itests.KarafNode;
import org.geoserver.cluster.itests.Wait;

/**
 * Local REST writes on node a of the running pair (a with the embedded broker, b connected): the
 * rate of concurrent writers, read latency while they write, and a 10,000-layer import until b is
 * identical. Each client is its own HTTP client, as separate scripts would be. Rows go into
 * {@link ClusterBenchmark}'s "measure | figure | target" table.
 */
final class WriteBenchmark {

    private final KarafNode a;
    private final KarafNode b;
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.writeWarmUp", 5));
    private final Duration measured = Duration.ofSeconds(Integer.getInteger("bench.writeSeconds", 10));
    private final int readSamples = Integer.getInteger("bench.readSamples", 2000);
    /** Names of this run's workspaces start with it, so that reruns on the same nodes never collide. */
    private final String run = Long.toString(System.nanoTime(), 36);

    WriteBenchmark(KarafNode a, KarafNode b) {
        this.a = a;
        this.b = b;
    }

    /** Changes per second (each POST and each DELETE one change) with 1, 4 and 16 clients. */
    void writes() throws Exception {
        writeFor(4, warmUp, "warm"); // untimed: the JIT compiles the write path first
        double[] rates = new double[3];
        int[] clients = {1, 4, 16};
        for (int i = 0; i < clients.length; i++) {
            ClusterBenchmark.recording(a, "writes-" + clients[i], true);
            ClusterBenchmark.Rate rate = writeFor(clients[i], measured, "w" + clients[i]);
            ClusterBenchmark.recording(a, "writes-" + clients[i], false);
            rates[i] = rate.perSecond();
            System.out.printf(Locale.ROOT, "| local REST writes on a, %d client%s (POST + DELETE a workspace, %d s; cores used: a + b + clients) | %,.0f changes/s (%s) | %s |%n",
                    clients[i], clients[i] == 1 ? "" : "s", measured.toSeconds(), rate.perSecond(), rate.coresUsed(),
                    i == 1 ? String.format(Locale.ROOT, ">= 3 x 1 client (%.1f x: %s)", rates[1] / rates[0], rates[1] >= 3 * rates[0] ? "met" : "missed") : "-");
        }
    }

    /** p50 and p99 of {@code GET /rest/workspaces.json} idle, then while 4 clients write. */
    void reads() throws Exception {
        GeoServerRest reader = client();
        readLatencies(reader, readSamples / 10); // untimed warm-up
        double[] idle = readLatencies(reader, readSamples);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        double[] busy;
        try {
            List<Future<Long>> writers = start(pool, 4, c -> () -> createAndDelete(client(), "r" + c, stop));
            busy = readLatencies(reader, readSamples);
            stop.set(true);
            sum(writers);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        double idleP99 = percentile(idle, 99);
        double busyP99 = percentile(busy, 99);
        System.out.printf(Locale.ROOT, "| GET /rest/workspaces.json on a, %,d samples, p50 / p99: idle | %.1f ms / %.1f ms | - |%n", readSamples, percentile(idle, 50), idleP99);
        System.out.printf(Locale.ROOT, "| GET /rest/workspaces.json on a, p50 / p99: while 4 clients write | %.1f ms / %.1f ms | p99 <= 2 x idle (%.1f x: %s) |%n",
                percentile(busy, 50), busyP99, busyP99 / idleP99, busyP99 <= 2 * idleP99 ? "met" : "missed");
    }

    /**
     * 100 workspaces x 1 datastore x 100 feature types (each with its layer) created on a by 4
     * clients: the import's time on a, and from its start until b's digest equals a's.
     */
    void importLayers() throws Exception {
        int workspaces = 100;
        int types = 100;
        ClusterBenchmark.Sample start = ClusterBenchmark.Sample.of(a.javaPid(), b.javaPid(), ProcessHandle.current().pid());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long requests;
        try {
            requests = sum(start(pool, 4, c -> () -> importShare(client(), c, 4, workspaces, types)));
        } finally {
            pool.shutdownNow();
        }
        ClusterBenchmark.Rate onA = start.rateUntilNow(requests);
        ClusterBenchmark.Sample imported = ClusterBenchmark.Sample.of(a.javaPid(), b.javaPid());
        String target = digest(a);
        awaitIdentical(target);
        ClusterBenchmark.Rate lag = imported.rateUntilNow(0);
        double secondsOnA = requests / onA.perSecond();
        double secondsOnB = (System.nanoTime() - start.nanos()) / 1e9;
        System.out.printf(Locale.ROOT, "| import of %,d layers (%d workspaces x 1 datastore x %d feature types, %,d requests) on a by 4 clients / until b is identical (digest; cores used during the import: a + b + clients, after it: a + b) | %.1f s / %.1f s (%s; %s) | b <= 1.2 x a (%.2f x: %s) |%n",
                workspaces * types, workspaces, types, requests, secondsOnA, secondsOnB, onA.coresUsed(), lag.coresUsed(), secondsOnB / secondsOnA,
                secondsOnB <= 1.2 * secondsOnA ? "met" : "missed");
    }

    /**
     * Waits until b's digest is the target. b's applier counters are polled every 100 ms and its
     * digest is asked for only when they did not move since the last poll: while b's objects change,
     * each status recomputes the digest over its 20,000 objects, CPU that b needs to apply.
     */
    private void awaitIdentical(String target) {
        long[] lastCount = {-1};
        Wait.until("b to be identical to a after the import", Duration.ofSeconds(600), Duration.ofMillis(100), () -> {
            long count = ClusterBenchmark.applied(b);
            boolean idle = count == lastCount[0];
            lastCount[0] = count;
            return idle && digest(b).equals(target);
        }, () -> "");
    }

    /** Client c of n imports every n-th workspace, its datastore and its feature types; returns the requests made. */
    private long importShare(GeoServerRest rest, int c, int n, int workspaces, int types) {
        long requests = 0;
        for (int w = c; w < workspaces; w += n) {
            String ws = "imp_" + run + "_" + w;
            expect(rest.post("/workspaces", "{\"workspace\":{\"name\":\"" + ws + "\"}}"), 201);
            expect(rest.post("/workspaces/" + ws + "/datastores", "{\"dataStore\":{\"name\":\"store\",\"type\":\"Shapefile\","
                    + "\"connectionParameters\":{\"entry\":[{\"@key\":\"url\",\"$\":\"file:data/" + ws + ".shp\"}]}}}"), 201);
            for (int t = 0; t < types; t++) {
                String type = "layer" + t;
                expect(rest.post("/workspaces/" + ws + "/datastores/store/featuretypes", "{\"featureType\":{\"name\":\"" + type + "\",\"nativeName\":\"" + type
                        + "\",\"title\":\"Layer " + t + "\",\"srs\":\"EPSG:4326\"}}"), 201);
            }
            requests += 2 + types;
        }
        return requests;
    }

    /** So many clients writing on a for the duration: changes per second and the cores a, b and the clients used. */
    private ClusterBenchmark.Rate writeFor(int clients, Duration duration, String label) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            ClusterBenchmark.Sample start = ClusterBenchmark.Sample.of(a.javaPid(), b.javaPid(), ProcessHandle.current().pid());
            List<Future<Long>> writers = start(pool, clients, c -> () -> createAndDelete(client(), label + "_" + c, stop));
            Thread.sleep(duration.toMillis());
            stop.set(true);
            return start.rateUntilNow(sum(writers)); // until the last writer's answer: every counted change is timed
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /** Posts a new workspace and deletes it until stopped: two changes each time, and the workspace count stays as it was. */
    private long createAndDelete(GeoServerRest rest, String prefix, AtomicBoolean stop) {
        long changes = 0;
        for (int i = 0; !stop.get(); i++) {
            String name = "wr_" + run + "_" + prefix + "_" + i;
            expect(rest.post("/workspaces", "{\"workspace\":{\"name\":\"" + name + "\"}}"), 201);
            expect(rest.delete("/workspaces/" + name), 200);
            changes += 2;
        }
        return changes;
    }

    private static double[] readLatencies(GeoServerRest rest, int samples) {
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            expect(rest.get("/workspaces.json"), 200);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /** A client of its own for a's REST API (its own connections, as another script's). */
    private GeoServerRest client() {
        return new GeoServerRest(a.httpPort(), KarafNode.USER, KarafNode.PASSWORD);
    }

    private interface Client {
        long call() throws Exception;
    }

    private static List<Future<Long>> start(ExecutorService pool, int clients, IntFunction<Client> client) {
        List<Future<Long>> futures = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            Client task = client.apply(c);
            futures.add(pool.submit(task::call));
        }
        return futures;
    }

    private static long sum(List<Future<Long>> futures) throws Exception {
        long total = 0;
        for (Future<Long> future : futures) {
            total += future.get();
        }
        return total;
    }
}
