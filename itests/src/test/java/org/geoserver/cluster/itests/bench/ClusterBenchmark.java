package org.geoserver.cluster.itests.bench;

import static org.geoserver.cluster.itests.GeoServerRest.expect;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.geoserver.cluster.itests.KarafNode;
import org.geoserver.cluster.itests.Wait;
import org.junit.Test;

/**
 * The cluster benchmark (not part of the tests; run by bench/cluster.sh): nodes of the built
 * distribution on this machine, node a with the embedded broker, b connected to it. Prints a table of
 * <ol>
 *   <li>the raw floor: a persistent message of an event's size published on the broker and
 *       received from a node's virtual-topic queue;</li>
 *   <li>propagation: a change acknowledged by a's REST API until b's REST API shows it;</li>
 *   <li>throughput: the rate b applies a backlog of changes with and without persistence, against
 *       the rate a plain JMS client consumes the same number of messages of that size and the rate
 *       a plain loop writes their files, each after an untimed warm-up, with the cores each process
 *       used;</li>
 *   <li>catch-up: b killed during changes, restarted: time until identical;</li>
 *   <li>hot swap: how long a's transport is away during {@code bundle:update}, and whether anything was lost;</li>
 *   <li>local writes ({@link WriteBenchmark}): REST writes on a by 1, 4 and 16 clients, read latency
 *       while 4 write, and a 10,000-layer import on a until b is identical;</li>
 *   <li>with {@code -Dbench.largeDataDirectory}: start-up of a node on it to REST-ready with its heap,
 *       and a full resync of an empty node from it.</li>
 * </ol>
 * with p50/p95/p99 where it is a latency and the target beside each figure.
 */
public class ClusterBenchmark {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 1000);
    private static final int EVENT_SIZE = 1500;
    private static final int BURST = Integer.getInteger("bench.burst", 10_000);
    private static final String LARGE = System.getProperty("bench.largeDataDirectory", "");
    /** The measures to take (all by default): latency, throughput, catchup, hotswap, writes, reads, import, large. */
    private static final List<String> PARTS = List.of(System.getProperty("bench.parts", "latency,throughput,catchup,hotswap,writes,reads,import,large").split(","));
    /** When set, a directory where nodes a and b are recorded with Java Flight Recorder during propagation, b applying each backlog, and a taking local writes. */
    private static final String PROFILE = System.getProperty("bench.profile", "");
    /** The demo layer's enabled flag as the last change left it (the sample data has it enabled). */
    private static boolean layerEnabled = true;

    @Test
    public void propagationAgainstTheRawFloor() throws Exception {
        try (KarafNode a = KarafNode.unpack("bench-a"); KarafNode b = KarafNode.unpack("bench-b")) {
            a.cluster("", false).start();
            b.cluster(a.brokerUrl(), false).start();
            for (KarafNode node : List.of(a, b)) {
                node.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            }
            if (PARTS.contains("latency")) {
                double[] floor = rawFloor(a.brokerPort());
                recording(a, "propagation-a", true);
                recording(b, "propagation-b", true);
                double[] propagation = propagation(a, b);
                recording(a, "propagation-a", false);
                recording(b, "propagation-b", false);
                double floorP99 = percentile(floor, 99);
                System.out.println();
                System.out.println("| measure (" + SAMPLES + " samples, ms) | p50 | p95 | p99 | target |");
                System.out.println("|---|---:|---:|---:|---|");
                row("raw floor: persistent JMS publish -> receive, " + EVENT_SIZE + " bytes", floor, "the limit");
                row("propagation: REST write on a -> visible over REST on b", propagation,
                        String.format(Locale.ROOT, "p99 <= 2 x floor + 5 = %.1f (%s)", 2 * floorP99 + 5,
                                percentile(propagation, 99) <= 2 * floorP99 + 5 ? "met" : "missed"));
            }
            Rate raw = null;
            System.out.println();
            System.out.println("| measure | figure | target |");
            System.out.println("|---|---:|---|");
            if (PARTS.contains("throughput")) {
                raw = rawConsumeRate(a);
                System.out.printf(Locale.ROOT, "| raw JMS: %,d queued %d-byte messages consumed, acknowledged by %d (cores used: broker + consumer) | %,.0f msg/s (%s) | the limit |%n", BURST,
                        EVENT_SIZE, BATCH, raw.perSecond(), raw.coresUsed());
                rawFileRate(Path.of("target/bench-files")); // warm-up, as b's
                Rate files = rawFileRate(Path.of("target/bench-files"));
                System.out.printf(Locale.ROOT, "| raw files: the same changes' files written as b writes them, by batches of %d events (cores used) | %,.0f changes/s (%s) | the limit with persistence |%n",
                        BATCH, files.perSecond(), files.coresUsed());
                Rate persisted = applyRate(a, b, "persistence-on");
                System.out.printf(Locale.ROOT, "| apply a backlog of %,d changes, persistence on (private data directory; cores used: a + b) | %,.0f changes/s (%s; %.0f%% of raw JMS, %.0f%% of raw files) | %s |%n",
                        BURST, persisted.perSecond(), persisted.coresUsed(), 100 * persisted.perSecond() / raw.perSecond(), 100 * persisted.perSecond() / files.perSecond(),
                        ">= 80% of raw and >= 2,000/s (" + (persisted.perSecond() >= 0.8 * raw.perSecond() && persisted.perSecond() >= 2000 ? "met" : "missed") + ")");
            }
            if (PARTS.contains("catchup")) {
                double[] catchUp = catchUp(a, b);
                System.out.printf(Locale.ROOT, "| catch-up: b killed during %,d changes, restarted: identical after start / after REST-ready | %.1f s / %.1f s | < 5 s (%s) |%n",
                        BURST, catchUp[0], catchUp[1], catchUp[1] < 5 ? "met" : "missed");
            }
            if (PARTS.contains("hotswap")) {
                double[] hotSwap = hotSwap(a, b);
                System.out.printf(Locale.ROOT, "| hot swap: transport away during bundle:update on a, changes lost | %.0f ms, %s | nothing lost |%n", hotSwap[0],
                        hotSwap[1] == 0 ? "none" : (long) hotSwap[1] + " LOST");
            }
            localWrites(a, b);
            if (PARTS.contains("throughput")) {
                // Last: with readOnly b's data directory falls behind (as it should: it is meant to be shared with a).
                b.ssh("config:property-set -p org.geoserver.cluster readOnly enabled");
                Rate inMemory = applyRate(a, b, "persistence-off");
                System.out.printf(Locale.ROOT, "| apply a backlog of %,d changes, persistence off (readOnly; cores used: a + b) | %,.0f changes/s (%s; %.0f%% of raw) | - |%n", BURST,
                        inMemory.perSecond(), inMemory.coresUsed(), 100 * inMemory.perSecond() / raw.perSecond());
            }
            if (!LARGE.isEmpty() && PARTS.contains("large")) {
                large(Path.of(LARGE));
            }
        }
    }

    /** The local write parts, before b turns readOnly; reads before the import, so that both write parts see the same small catalog. */
    private static void localWrites(KarafNode a, KarafNode b) throws Exception {
        WriteBenchmark writes = new WriteBenchmark(a, b);
        if (PARTS.contains("writes")) {
            writes.writes();
        }
        if (PARTS.contains("reads")) {
            writes.reads();
        }
        if (PARTS.contains("import")) {
            writes.importLayers();
        }
    }

    /** Changes of the backlog b applies, untimed, before the timed one: the JIT compiles the path first, as in a node that has run for a while. */
    private static final int WARM_UP_BURST = Integer.getInteger("bench.warmUp", 2_000);

    /**
     * The rate b applies a sustained backlog of BURST changes, after a warm-up backlog of
     * WARM_UP_BURST: without it, the JIT compiler took more of b's CPU than the writing of the files.
     */
    private static Rate applyRate(KarafNode a, KarafNode b, String label) throws Exception {
        applyBacklog(a, b, WARM_UP_BURST, label + "-warm-up");
        return applyBacklog(a, b, BURST, label);
    }

    /**
     * A backlog of changes queued for b while it does not consume, then applied: changes per second
     * from the last poll before b applied any (b's counters are polled every 10 ms while an ssh
     * session turns consuming on) to the first poll that finds them all applied. Like the raw rate,
     * this times the work on the messages, not the ssh session or a coarse poll.
     */
    private static Rate applyBacklog(KarafNode a, KarafNode b, int changes, String label) throws Exception {
        b.ssh("cluster:toggle slave off");
        long before = applied(b);
        int events = makeChanges(a, changes);
        Wait.until("a to send its changes", Duration.ofSeconds(300), () -> a.ssh("cluster:status").contains("Outbox:       0 events"));
        recording(b, label, true);
        long[] pids = {a.javaPid(), b.javaPid()};
        Sample idle = Sample.of(pids); // before consuming starts, in case the first poll already finds some applied
        CompletableFuture<String> toggle = CompletableFuture.supplyAsync(() -> b.ssh("cluster:toggle slave on"));
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        long count;
        while (true) {
            Sample polled = Sample.of(pids); // before the poll: the time measured is never shorter than the work
            count = applied(b);
            if (count == before) {
                idle = polled;
            } else if (count >= before + events) {
                break;
            }
            if (polled.nanos() > deadline || toggle.isCompletedExceptionally()) {
                toggle.join();
                throw new AssertionError("b applied " + (count - before) + " of " + events + " events: " + status(b));
            }
            Thread.sleep(10);
        }
        Rate rate = idle.rateUntilNow(events);
        toggle.join();
        recording(b, label, false);
        return rate;
    }

    /** Events per second, and the cores (CPU time per elapsed time) each process involved used meanwhile. */
    record Rate(double perSecond, double... cores) {
        /** The cores each process used, as "0.8 + 1.1". */
        String coresUsed() {
            return Arrays.stream(cores).mapToObj(c -> String.format(Locale.ROOT, "%.1f", c)).collect(java.util.stream.Collectors.joining(" + "));
        }
    }

    /** A moment, with the CPU time each process (every thread, and the kernel's work for it) had used by then. */
    record Sample(long nanos, long[] pids, long[] cpuNanos) {
        static Sample of(long... pids) {
            long[] cpu = new long[pids.length];
            for (int i = 0; i < pids.length; i++) {
                long pid = pids[i];
                cpu[i] = ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElseThrow(() -> new AssertionError("no CPU time for process " + pid)).toNanos();
            }
            return new Sample(System.nanoTime(), pids, cpu);
        }

        /** So many events since this moment, per second, with the cores each process used meanwhile. */
        Rate rateUntilNow(double events) {
            Sample now = of(pids);
            double elapsed = now.nanos - nanos;
            double[] cores = new double[pids.length];
            for (int i = 0; i < pids.length; i++) {
                cores[i] = (now.cpuNanos[i] - cpuNanos[i]) / elapsed;
            }
            return new Rate(events / (elapsed / 1e9), cores);
        }
    }

    /** This JVM's process id, for a {@link Sample} of the raw loops' CPU time. */
    private static final long OWN_PID = ProcessHandle.current().pid();

    /** With -Dbench.profile: starts or stops (and saves) a Java Flight Recorder recording of the node. */
    static void recording(KarafNode node, String label, boolean start) throws IOException, InterruptedException {
        if (PROFILE.isEmpty()) {
            return;
        }
        String pid = Long.toString(node.javaPid());
        if (start) {
            run("jcmd", pid, "JFR.start", "name=" + label, "settings=" + System.getProperty("bench.profileSettings", "profile"));
        } else {
            run("jcmd", pid, "JFR.stop", "name=" + label, "filename=" + Path.of(PROFILE, label + ".jfr").toAbsolutePath());
        }
    }

    private static final Pattern APPLIED = Pattern.compile("\"applied\":\"?(\\d+)\"?,\"skipped\":\"?(\\d+)");
    private static final Pattern DIGEST = Pattern.compile("\"digest\":\"([0-9a-f]{64})\"");

    /**
     * Events b handled, applied or skipped, from its REST API's applier counters: over a kept-alive
     * HTTP connection, which takes far less of the CPU the node under test needs than an ssh
     * session, and without the digest of the full status, recomputed after each change.
     */
    static long applied(KarafNode node) {
        Matcher matcher = APPLIED.matcher(expect(node.rest().get("/cluster/applier.json"), 200).body());
        if (!matcher.find()) {
            throw new AssertionError("no applier counters from " + node.name());
        }
        return Long.parseLong(matcher.group(1)) + Long.parseLong(matcher.group(2));
    }

    /** The node's configuration digest, from its REST status (for the same reason). */
    static String digest(KarafNode node) {
        Matcher matcher = DIGEST.matcher(status(node));
        if (!matcher.find()) {
            throw new AssertionError("no digest from " + node.name());
        }
        return matcher.group(1);
    }

    private static String status(KarafNode node) {
        return expect(node.rest().get("/cluster/status.json"), 200).body();
    }

    /** Mixed changes on a: a layer's title and enabled flag, and every tenth a new workspace (2 events); returns the number of events. */
    private static int makeChanges(KarafNode a, int count) {
        int events = 0;
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < count; i++) {
            if (i % 10 == 9) {
                expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"burst_" + run + "_" + i + "\"}}"), 201);
                events += 2;
                i++;
            } else if (i % 2 == 0) {
                expect(a.rest().put("/workspaces/demo/datastores/roads/featuretypes/roads", "{\"featureType\":{\"title\":\"Roads " + run + i + "\"}}"), 200);
                events++;
            } else {
                layerEnabled = !layerEnabled; // a real change each time: a PUT that changes nothing sends no event
                expect(a.rest().put("/layers/demo:roads", "{\"layer\":{\"enabled\":" + layerEnabled + "}}"), 200);
                events++;
            }
        }
        return events;
    }

    /** b killed, BURST changes on a, b started: seconds until identical, from the start and from REST-ready. */
    private static double[] catchUp(KarafNode a, KarafNode b) {
        b.kill();
        makeChanges(a, BURST);
        String target = digest(a);
        long start = System.nanoTime();
        b.start();
        Wait.until("b's REST API", Duration.ofSeconds(120), () -> {
            try {
                return b.rest().get("/about/version.json").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
        long ready = System.nanoTime();
        b.awaitReady(Duration.ofSeconds(120));
        Wait.until("b to catch up", Duration.ofSeconds(300), () -> digest(b).equals(target), () -> status(b));
        long done = System.nanoTime();
        return new double[] {(done - start) / 1e9, (done - ready) / 1e9};
    }

    /** Milliseconds a's transport is away during bundle:update while changes are made, and the changes lost (0 expected). */
    private static double[] hotSwap(KarafNode a, KarafNode b) throws Exception {
        long transport = a.bundleId("org.geoserver.cluster.geoserver-cluster-transport-jms");
        CompletableFuture<Integer> changes = CompletableFuture.supplyAsync(() -> makeChanges(a, 1000));
        Thread.sleep(1000);
        long start = System.nanoTime();
        a.ssh("bundle:update " + transport);
        Wait.until("a's transport to reconnect", Duration.ofSeconds(60), () -> a.ssh("cluster:status").contains("Broker:       connected to"));
        double away = (System.nanoTime() - start) / 1e6;
        changes.get();
        try {
            Wait.until("b to have every change", Duration.ofSeconds(120), () -> digest(a).equals(digest(b)));
            return new double[] {away, 0};
        } catch (AssertionError e) {
            return new double[] {away, 1};
        }
    }

    /** Start-up of a node on a large data directory, its heap, and a full resync of an empty node from it. */
    private static void large(Path dataDirectory) throws Exception {
        try (KarafNode c = KarafNode.unpack("bench-c-large"); KarafNode d = KarafNode.unpack("bench-d-empty")) {
            c.emptyDataDirectory();
            copy(dataDirectory, c.dataDirectory());
            c.cluster("", false);
            double firstBoot = timeToServe(c);
            c.awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            run("jcmd", Long.toString(c.javaPid()), "GC.run");
            Matcher heap = Pattern.compile("Current heap size\\s+([\\d,]+) kbytes").matcher(c.ssh("shell:info"));
            double heapMb = heap.find() ? Long.parseLong(heap.group(1).replace(",", "")) / 1024.0 : -1;
            long layers = Pattern.compile("\"name\":").matcher(c.rest().get("/layers.json").body()).results().count();
            d.emptyDataDirectory().cluster(c.brokerUrl(), false);
            d.configure("org.geoserver.cluster.cfg", "autoResync", "false"); // the measured resync is the one asked for
            d.start().awaitReady(Duration.ofSeconds(120)).awaitClusterConnection(Duration.ofSeconds(60));
            Wait.until("d to hear of c", Duration.ofSeconds(60), () -> d.ssh("cluster:status").contains(c.name() + ":"));
            Sample resyncStart = Sample.of(c.javaPid(), d.javaPid());
            String resync = d.ssh("cluster:resync " + c.name());
            Rate resyncCores = resyncStart.rateUntilNow(0);
            double resyncSeconds = (System.nanoTime() - resyncStart.nanos()) / 1e9;
            boolean identical = d.digest().equals(c.digest());
            // Restarts on the same Karaf cache, with and without the cluster bundles, give the warm start-up and their share of it.
            double startup = warmStart(c);
            for (String bundle : CLUSTER_BUNDLES) {
                c.ssh("bundle:stop " + c.bundleId(bundle));
            }
            double withoutCluster = warmStart(c);
            System.out.printf(Locale.ROOT, "| start-up on %,d layers to REST-ready (first boot %.1f s; warm: median of 3) / heap after load (after GC) | %.1f s / %.0f MB | < 5 s (%s) / < 400 MB (%s) |%n",
                    layers, firstBoot, startup, heapMb, startup < 5 ? "met" : "missed", heapMb >= 0 && heapMb < 400 ? "met" : "missed");
            double overhead = 100 * (startup - withoutCluster) / withoutCluster;
            System.out.printf(Locale.ROOT, "| start-up share of the cluster bundles (%.1f s without them) | %+.0f%% | <= 10%% (%s) |%n", withoutCluster, overhead,
                    overhead <= 10 ? "met" : "missed");
            System.out.printf(Locale.ROOT, "| full resync of an empty node from %,d layers (cluster:resync; cores used: source + empty node) | %.1f s (%s)%s | < 3 s (%s) |%n", layers, resyncSeconds,
                    resyncCores.coresUsed(), identical ? "" : " NOT IDENTICAL: " + resync.trim(), resyncSeconds < 3 && identical ? "met" : "missed");
        }
    }

    /** The bundles a node has only for the cluster; without them it is a plain GeoServer node. */
    private static final List<String> CLUSTER_BUNDLES = List.of("cluster-sync", "cluster-capture", "cluster-outbox", "cluster-core", "cluster-applier", "cluster-persistence",
            "cluster-transport-jms", "broker", "shell").stream().map(b -> "org.geoserver.cluster.geoserver-" + (b.startsWith("cluster") ? b : "cluster-" + b)).toList();

    /** The median of three restarts of the running node: seconds until its REST API serves the last layer. */
    private static double warmStart(KarafNode node) {
        double[] seconds = new double[3];
        for (int i = 0; i < seconds.length; i++) {
            node.stop(Duration.ofSeconds(60));
            seconds[i] = timeToServe(node);
            Wait.until("node " + node.name() + "'s shell", Duration.ofSeconds(120), () -> {
                try {
                    return node.ssh("echo ready").contains("ready");
                } catch (RuntimeException | AssertionError e) {
                    return false;
                }
            });
        }
        return percentile(seconds, 50);
    }

    /** Starts the node and returns the seconds until its REST API serves the last layer of the large data directory (polled every 50 ms: finer polls take CPU from the starting node). */
    private static double timeToServe(KarafNode node) {
        long start = System.nanoTime();
        node.start();
        Wait.until("node " + node.name() + " to serve the large data directory's last layer", Duration.ofSeconds(300), Duration.ofMillis(50), () -> {
            try {
                return node.rest().get("/layers/ws99:layer99.json").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        }, () -> "");
        return (System.nanoTime() - start) / 1e9;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor();
    }

    /** Messages per acknowledgement under a backlog, as the transport acknowledges. */
    private static final int BATCH = 200;

    /** Consumes BURST queued messages of an event's size from the node's broker, acknowledged by BATCH, as the transport does under a backlog: messages per second, and the cores the broker and the consumer used. */
    private static Rate rawConsumeRate(KarafNode broker) throws Exception {
        int brokerPort = broker.brokerPort();
        long brokerPid = broker.javaPid();
        byte[] body = new byte[EVENT_SIZE];
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort).createConnection()) {
            connection.start();
            Session producing = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = producing.createProducer(producing.createQueue("bench.throughput"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < WARM_UP_BURST + BURST; i++) {
                BytesMessage message = producing.createBytesMessage();
                message.writeBytes(body);
                producer.send(message);
            }
            Session consuming = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = consuming.createConsumer(consuming.createQueue("bench.throughput"));
            consume(consumer, WARM_UP_BURST); // untimed, as b's warm-up backlog
            Sample start = Sample.of(brokerPid, OWN_PID);
            consume(consumer, BURST);
            return start.rateUntilNow(BURST);
        }
    }

    /** Receives so many queued messages, acknowledged by BATCH. */
    private static void consume(MessageConsumer consumer, int count) throws jakarta.jms.JMSException {
        for (int i = 0; i < count; i++) {
            jakarta.jms.Message message = consumer.receive(10_000);
            if (message == null) {
                throw new AssertionError("queued message " + i + " of " + count + " did not arrive");
            }
            if (i % BATCH == BATCH - 1 || i == count - 1) {
                message.acknowledge();
            }
        }
    }

    /** Latency samples taken first and not counted: they warm up the JIT, the broker's store and the connections. */
    private static final int WARM_UP = 100;

    /**
     * The files of the backlog {@link #makeChanges} makes, written as b's data directory writes
     * them, by a plain loop: per batch of BATCH events each file once, by 8 threads, forced before
     * its rename over the old one, then each folder changed synced once. Events per second.
     */
    private static Rate rawFileRate(Path directory) throws Exception {
        KarafNode.deleteRecursively(directory);
        Path featureType = directory.resolve("workspaces/demo/roads/roads/featuretype.xml");
        Path layer = featureType.resolveSibling("layer.xml");
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            Files.createDirectories(featureType.getParent());
            Set<Path> files = new LinkedHashSet<>();
            Set<Path> folders = new LinkedHashSet<>();
            int events = 0;
            int batched = 0;
            Sample start = Sample.of(OWN_PID);
            for (int i = 0; i < BURST; i++) {
                if (i % 10 == 9) { // as makeChanges: a new workspace (its workspace and namespace)
                    Path workspace = directory.resolve("workspaces/burst_" + i);
                    files.add(workspace.resolve("workspace.xml"));
                    files.add(workspace.resolve("namespace.xml"));
                    folders.add(workspace);
                    folders.add(workspace.getParent());
                    batched += 2;
                    i++;
                } else {
                    files.add(i % 2 == 0 ? featureType : layer);
                    folders.add(featureType.getParent());
                    batched++;
                }
                if (batched >= BATCH || i >= BURST - 1) {
                    forEach(writers, files, file -> {
                        Files.createDirectories(file.getParent());
                        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
                        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                            channel.write(ByteBuffer.wrap(new byte[file.equals(featureType) ? EVENT_SIZE : 300]));
                            channel.force(false);
                        }
                        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                    });
                    forEach(writers, folders, folder -> {
                        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                            channel.force(true);
                        }
                    });
                    events += batched;
                    batched = 0;
                    files.clear();
                    folders.clear();
                }
            }
            return start.rateUntilNow(events);
        } finally {
            writers.shutdownNow();
            KarafNode.deleteRecursively(directory);
        }
    }

    @FunctionalInterface
    private interface FileAction {
        void run(Path path) throws IOException;
    }

    private static void forEach(ExecutorService pool, Set<Path> paths, FileAction action) throws Exception {
        List<Future<?>> done = new ArrayList<>(paths.size());
        for (Path path : paths) {
            done.add(pool.submit(() -> {
                action.run(path);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
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
            for (int i = 0; i < SAMPLES + WARM_UP; i++) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                long start = System.nanoTime();
                producer.send(message);
                if (consumer.receive(10_000) == null) {
                    throw new AssertionError("message " + i + " did not arrive");
                }
                if (i >= WARM_UP) {
                    samples[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return samples;
    }

    /**
     * Alternately creates a workspace and retitles a layer on a; b is polled (every 0.25 ms) until it
     * shows the change. As for the floor, the first changes warm up the JIT and are not counted.
     */
    private static double[] propagation(KarafNode a, KarafNode b) {
        double[] samples = new double[SAMPLES];
        for (int i = 0; i < SAMPLES + WARM_UP; i++) {
            long start;
            if (i % 2 == 0) {
                String name = "bench_" + i;
                expect(a.rest().post("/workspaces", "{\"workspace\":{\"name\":\"" + name + "\"}}"), 201);
                start = System.nanoTime();
                while (b.rest().get("/workspaces/" + name + ".json").status() != 200) {
                    pollPause();
                }
            } else {
                String title = "Roads " + i;
                expect(a.rest().put("/workspaces/demo/datastores/roads/featuretypes/roads", "{\"featureType\":{\"title\":\"" + title + "\"}}"), 200);
                start = System.nanoTime();
                while (!b.rest().get("/workspaces/demo/datastores/roads/featuretypes/roads.json").body().contains(title)) {
                    pollPause();
                }
            }
            if (i >= WARM_UP) {
                samples[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
            }
        }
        return samples;
    }

    /**
     * A quarter of a millisecond between polls: on two cores, polling without a pause takes the CPU
     * b needs to apply the change, and measures the poller more than the cluster.
     */
    private static void pollPause() {
        java.util.concurrent.locks.LockSupport.parkNanos(250_000);
    }

    private static void row(String measure, double[] samples, String target) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s |%n", measure, percentile(samples, 50), percentile(samples, 95), percentile(samples, 99), target);
    }

    static double percentile(double[] samples, int percent) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
