package org.geoserver.cluster.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One node of the built distribution, unpacked into its own folder and run as a separate process
 * on its own loopback ports, as an operator would run it. Closing it kills what is still running.
 */
public final class KarafNode implements AutoCloseable {

    public static final String USER = "admin";
    public static final String PASSWORD = "geoserver";

    private final String name;
    private final Path home;
    private final int httpPort = Ports.free();
    private final int sshPort = Ports.free();
    private final int brokerPort = Ports.free();
    private Process process;
    // One client per run of the process: its kept-alive connections die with the process.
    private GeoServerRest rest;

    private KarafNode(String name, Path home) {
        this.name = name;
        this.home = home;
    }

    /** Unpacks a fresh copy of the distribution into {@code nodes.directory/<name>} and gives it free ports. */
    public static KarafNode unpack(String name) {
        Path archive = Path.of(System.getProperty("distribution.archive"));
        Path home = Path.of(System.getProperty("nodes.directory", "target/nodes")).resolve(name);
        try {
            extract(archive, home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + " into " + home, e);
        }
        KarafNode node = new KarafNode(name, home);
        node.configure("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(node.httpPort));
        node.configure("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(node.sshPort));
        node.configure("org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(Ports.free()));
        node.configure("org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(Ports.free()));
        node.configure("org.geoserver.cluster.broker.cfg", "transportConnectorURIs", "tcp://127.0.0.1:" + node.brokerPort);
        node.configure("org.geoserver.cluster.broker.cfg", "brokerName", name);
        return node;
    }

    /**
     * Sets this node's place in the cluster.
     *
     * @param brokerUrl empty to use (and run) the embedded broker, else the broker of another node
     */
    public KarafNode cluster(String brokerUrl, boolean readOnly) {
        configure("org.geoserver.cluster.cfg", "instanceName", name);
        configure("org.geoserver.cluster.cfg", "brokerURL", brokerUrl);
        configure("org.geoserver.cluster.cfg", "readOnly", readOnly ? "enabled" : "disabled");
        configure("org.geoserver.cluster.broker.cfg", "enabled", String.valueOf(brokerUrl.isEmpty()));
        return this;
    }

    /** The URL other nodes use to reach this node's embedded broker. */
    public String brokerUrl() {
        return "failover:(tcp://127.0.0.1:" + brokerPort + ")";
    }

    /**
     * The node's REST API over kept-alive connections. A new client for every request would open a
     * connection and start threads each time, which costs the node and the caller milliseconds.
     */
    public synchronized GeoServerRest rest() {
        if (rest == null) {
            rest = new GeoServerRest(httpPort, USER, PASSWORD);
        }
        return rest;
    }

    /** The configuration digest, from cluster:digest. */
    public String digest() {
        String output = ssh("cluster:digest");
        java.util.regex.Matcher matcher = Pattern.compile("digest: ([0-9a-f]{64})").matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("no digest from node " + name + ": " + output);
        }
        return matcher.group(1);
    }

    /** Waits until the transport is connected and consumes its queue. */
    public KarafNode awaitClusterConnection(Duration timeout) {
        Wait.until("node " + name + " to consume its cluster queue", timeout, () -> ssh("cluster:status").contains("consuming queue"),
                () -> ssh("cluster:status"));
        return this;
    }

    /** The bundle id of a bundle, by symbolic name. */
    public long bundleId(String symbolicName) {
        for (String line : ssh("bundle:list -s -t 0").split("\\R")) {
            String[] columns = line.split("\\s*\\|\\s*");
            if (columns.length >= 5 && columns[columns.length - 1].trim().equals(symbolicName)) {
                return Long.parseLong(columns[0].trim());
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " on node " + name);
    }

    /** Drops the shipped sample configuration: the node starts with GeoServer's defaults only. */
    public KarafNode emptyDataDirectory() {
        try {
            deleteRecursively(dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dataDirectory(), e);
        }
        return this;
    }

    /** The node's GeoServer data directory. */
    public Path dataDirectory() {
        return home.resolve("geoserver-data");
    }

    /** Resolves nothing from outside: no remote repository, an empty local one. */
    public KarafNode offline() {
        configure("org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", "");
        configure("org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", home.resolve("no-m2").toString());
        configure("org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.offline", "true");
        return this;
    }

    /** Sets {@code key = value} in {@code etc/<file>}, replacing an existing (possibly continued) entry. */
    public void configure(String file, String key, String value) {
        Path path = home.resolve("etc").resolve(file);
        try {
            List<String> lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : new ArrayList<>();
            Pattern entry = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*");
            List<String> result = new ArrayList<>();
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                if (!replaced && entry.matcher(lines.get(i)).matches()) {
                    result.add(key + " = " + value);
                    replaced = true;
                    while (lines.get(i).endsWith("\\") && i + 1 < lines.size()) {
                        i++; // drop continuation lines of the old value
                    }
                } else {
                    result.add(lines.get(i));
                }
            }
            if (!replaced) {
                result.add(key + " = " + value);
            }
            Files.write(path, result, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit " + path, e);
        }
    }

    public KarafNode start() {
        synchronized (this) {
            rest = null;
        }
        try {
            // "daemon" execs the JVM, so the process we hold is Karaf itself.
            process = new ProcessBuilder(home.resolve("bin/karaf").toString(), "daemon")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("console.log").toFile())
                    .start();
            Process started = process;
            // Should the test JVM end early, the node must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop node " + name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + name + " in " + home, e);
        }
        return this;
    }

    /** Waits until ssh answers, the geoserver-cluster feature is started and the REST API answers. */
    public KarafNode awaitReady(Duration timeout) {
        Wait.until("node " + name + " to accept ssh on port " + sshPort, timeout,
                () -> { assertAlive(); return Ports.listening(sshPort); }, this::logTail);
        String[] lastAnswer = {""};
        Wait.until("node " + name + " to start feature geoserver-cluster", timeout, () -> {
            assertAlive();
            lastAnswer[0] = sshWhileStarting("feature:list -i");
            return Pattern.compile("(?m)^geoserver-cluster\\s.*Started").matcher(lastAnswer[0]).find();
        }, () -> "last feature:list -i answer: " + lastAnswer[0] + "\n" + logTail());
        // The REST API answers once the catalog is loaded from the data directory.
        Wait.until("node " + name + " to load its catalog and answer REST", timeout, () -> {
            assertAlive();
            try {
                return rest().get("/about/version.json").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        }, this::logTail);
        return this;
    }

    /** During boot the ssh server may accept and then drop a session: that only means "not yet". */
    private String sshWhileStarting(String command) {
        try {
            return ssh(command);
        } catch (UncheckedIOException e) {
            return "(" + e.getMessage() + ": " + e.getCause() + ")";
        }
    }

    public String ssh(String command) {
        return KarafShell.execute(sshPort, USER, PASSWORD, command);
    }

    /** Asks Karaf to shut down and waits for the process to end; returns its exit code. */
    public int stop(Duration timeout) {
        try {
            ssh("system:shutdown -f");
        } catch (RuntimeException e) {
            // The session may be cut by the shutdown itself; the exit of the process is what counts.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("node " + name + " did not stop within " + timeout + ". " + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping node " + name, e);
        }
        return process.exitValue();
    }

    /** Like kill -9: no shutdown hooks, no clean close of files. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The process id of the node's JVM (bin/karaf may run it as a child). */
    public long javaPid() {
        ProcessHandle script = process.toHandle();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(script), script.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no JVM for node " + name)).pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void assertAlive() {
        if (process == null || !process.isAlive()) {
            throw new AssertionError("node " + name + " is not running. " + logTail());
        }
    }

    public String name() {
        return name;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    public int sshPort() {
        return sshPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    /** The whole karaf.log of the node, empty when there is none yet. */
    public String log() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** The last lines of the node's karaf.log, for failure messages. */
    public String logTail() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            if (!Files.exists(log)) {
                return "(no " + log + ")";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "Last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }

    /** Unpacks a .tar.gz distribution (one top folder) into a fresh folder. */
    static void extract(Path archive, Path home) throws IOException {
        deleteRecursively(home);
        Files.createDirectories(home);
        run(List.of("tar", "xzf", archive.toString(), "-C", home.toString(), "--strip-components=1"));
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }

    /** Deletes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return name + " (" + home + ", http " + httpPort + ", ssh " + sshPort + ", broker " + brokerPort + ")";
    }
}
