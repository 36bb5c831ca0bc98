package org.geoserver.cluster.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone ActiveMQ Classic broker from its binary distribution (5.18.3, the newest our
 * registry serves), started as its own process on a loopback port, with its KahaDB kept across
 * restarts. No web console, one OpenWire connector.
 */
public final class StandaloneBroker implements AutoCloseable {

    private final Path home;
    private final int port = Ports.free();
    private Process process;

    private StandaloneBroker(Path home) {
        this.home = home;
    }

    public static StandaloneBroker unpack(String name) {
        Path archive = Path.of(System.getProperty("activemq.archive"));
        Path home = Path.of(System.getProperty("nodes.directory", "target/nodes")).resolve(name);
        try {
            KarafNode.extract(archive, home);
            StandaloneBroker broker = new StandaloneBroker(home);
            Path config = home.resolve("conf/activemq.xml");
            String xml = Files.readString(config, StandardCharsets.UTF_8)
                    .replaceAll("(?s)<transportConnectors>.*?</transportConnectors>",
                            "<transportConnectors><transportConnector name=\"openwire\" uri=\"tcp://127.0.0.1:" + broker.port + "\"/></transportConnectors>")
                    .replace("<import resource=\"jetty.xml\"/>", "")
                    .replace("brokerName=\"localhost\"", "brokerName=\"" + name + "\"");
            Files.writeString(config, xml, StandardCharsets.UTF_8);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + " into " + home, e);
        }
    }

    public String url() {
        return "failover:(tcp://127.0.0.1:" + port + ")";
    }

    /** Starts the broker JVM directly (not through bin/activemq, which would fork it away). */
    public StandaloneBroker start() {
        String h = home.toString();
        try {
            Files.createDirectories(home.resolve("tmp"));
            process = new ProcessBuilder(List.of(javaExecutable(), "-Xmx256m", "-Dactivemq.home=" + h, "-Dactivemq.base=" + h, "-Dactivemq.conf=" + h + "/conf",
                    "-Dactivemq.data=" + h + "/data", "-Djava.io.tmpdir=" + h + "/tmp", "-jar", h + "/bin/activemq.jar", "start",
                    "xbean:file:" + h + "/conf/activemq.xml"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile()))
                    .start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop broker " + home.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker in " + home, e);
        }
        Wait.until("the standalone broker on port " + port, Duration.ofSeconds(60), () -> Ports.listening(port), this::log);
        return this;
    }

    /** Stops the broker as an operator would (SIGTERM: it shuts down and keeps its store). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String log() {
        try {
            return Files.exists(home.resolve("broker.log")) ? Files.readString(home.resolve("broker.log")) : "(no broker.log)";
        } catch (IOException e) {
            return "(cannot read broker.log: " + e + ")";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        stop();
    }
}
