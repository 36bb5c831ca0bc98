package org.geoserver.cluster.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;
import org.junit.Test;

/**
 * The npm package geoserver-node-client, which GeoServer users script their servers with, against
 * a fresh node of the distribution: workspace, data store, feature type and layer, style upload and
 * assignment, layer group, read back, delete. The test installs the package from the npm registry
 * into target/node-compat and runs the scenario with Node's test runner.
 */
public class GeoServerNodeClientCompatibilityTest {

    @Test
    public void geoserverNodeClientWorksAgainstANode() throws Exception {
        Path scenario = Path.of(System.getProperty("node.compat.directory", "target/node-compat"));
        // Node.js is not part of the JDK + Maven set-up: without it this test is reported as skipped.
        Assume.assumeTrue("Node.js and npm are needed for the geoserver-node-client scenario", runs(scenario, "node", "--version") && runs(scenario, "npm", "--version"));
        String install = run(scenario, Map.of(), "npm", "install", "--no-audit", "--no-fund");
        try (KarafNode node = KarafNode.unpack("node-client").offline().emptyDataDirectory()) {
            node.start().awaitReady(Duration.ofSeconds(120));
            String url = "http://127.0.0.1:" + node.httpPort() + "/geoserver/rest/";
            Wait.until("the REST API at " + url, Duration.ofSeconds(60), () -> node.rest().get("/about/version.json").status() == 200, node::logTail);
            String output = run(scenario, Map.of("GEOSERVER_URL", url, "GEOSERVER_VERSION", "2.26.2"), "node", "--test", "geoserver-node-client.test.mjs");
            System.out.println(output);
            assertTrue("geoserver-node-client scenario failed (npm install: " + install + "):\n" + output + "\n" + node.logTail(), output.startsWith("exit 0\n"));
        }
    }

    private static boolean runs(Path directory, String... command) {
        try {
            return run(directory, Map.of(), command).startsWith("exit 0\n");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command; returns "exit N" and its output. */
    private static String run(Path directory, Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes:\n" + output);
        }
        return "exit " + process.exitValue() + "\n" + output;
    }
}
