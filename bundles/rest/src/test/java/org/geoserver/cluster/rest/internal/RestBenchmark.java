package org.geoserver.cluster.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/**
 * Requests per second of the REST API with 10,000 layers in the catalog, in one JVM: the servlet in
 * an embedded Jetty over HTTP on loopback, a real in-memory catalog without persistence or
 * clustering, and a plain authenticator (a JAAS login is paid once per cache period in a node).
 * Not a unit test. Run after {@code mvn install -pl bundles/rest}:
 *
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test -f bundles/rest
 * java -cp bundles/rest/target/classes:bundles/rest/target/test-classes:$(cat bundles/rest/cp.txt) \
 *     org.geoserver.cluster.rest.internal.RestBenchmark [layers] [seconds] [threads]
 * </pre>
 */
public final class RestBenchmark {

    private RestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int layers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (RestHarness rest = new RestHarness()) {
            rest.withDefaults();
            long loading = System.nanoTime();
            load(rest, layers);
            System.out.printf("Loaded %d layers in %.1f s%n", layers, (System.nanoTime() - loading) / 1e9);

            String layer = "/layers/bench:layer" + layers / 2 + ".json";
            if (rest.get(layer).status() != 200) {
                throw new IllegalStateException("GET " + layer + " failed: " + rest.get(layer).body());
            }
            for (int clients : List.of(1, threads)) {
                measure(clients, seconds, "GET " + layer, i -> rest.get(layer).status() == 200);
            }
            for (int clients : List.of(1, threads)) {
                AtomicLong next = new AtomicLong();
                measure(clients, seconds, "POST+DELETE /workspaces/tmp* (pairs)", i -> {
                    String name = "tmp" + next.incrementAndGet();
                    return rest.post("/workspaces", "application/json", "{\"workspace\":{\"name\":\"" + name + "\"}}").status() == 201
                            && rest.delete("/workspaces/" + name).status() == 200;
                });
            }
        }
    }

    /** One workspace and data store holding {@code count} feature types with their layers, added through the catalog. */
    private static void load(RestHarness rest, int count) {
        WorkspaceInfo workspace = rest.catalog.add(WorkspaceInfo.named("bench"));
        DataStoreInfo store = new DataStoreInfo();
        store.setName("store");
        store.setWorkspace(workspace.getId());
        store = rest.catalog.add(store);
        String namespace = rest.catalog.getNamespaceByPrefix("bench").getId();
        String style = rest.catalog.getStyleByName(null, "line").getId();
        for (int i = 0; i < count; i++) {
            FeatureTypeInfo featureType = new FeatureTypeInfo();
            featureType.setName("layer" + i);
            featureType.setNamespace(namespace);
            featureType.setStore(store);
            featureType.setSRS("EPSG:4326");
            featureType.setTitle("Layer " + i);
            LayerInfo layer = LayerInfo.publishing(rest.catalog.add(featureType));
            layer.setDefaultStyle(style);
            rest.catalog.add(layer);
        }
    }

    /** Runs the request from {@code clients} threads for a warm-up and then {@code seconds}, and prints requests per second. */
    private static void measure(int clients, int seconds, String what, IntPredicate request) throws Exception {
        run(clients, Math.max(1, seconds / 3), request);
        long started = System.nanoTime();
        long done = run(clients, seconds, request);
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("%-45s %2d client(s): %8.0f per second (%d in %.1f s)%n", what, clients, done / elapsed, done, elapsed);
    }

    private static long run(int clients, int seconds, IntPredicate request) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < deadline) {
                        if (!request.test((int) n)) {
                            throw new IllegalStateException("a request failed");
                        }
                        n++;
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }
}
