package org.geoserver.cluster.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * The npm package geoserver-node-client, which GeoServer users script their servers with, against
 * a fresh node of the distribution: workspace, data store, feature type and layer, style upload and
 * assignment, layer group, read back, delete. The build installs the package with npm into
 * target/node-compat (exec-maven-plugin, see the itests pom); this runs its scenario with Node's
 * test runner and fails with the runner's output.
 */
public class GeoServerNodeClientCompatibilityTest {

    @Test
    public void geoserverNodeClientWorksAgainstANode() throws Exception {
        Path scenario = Path.of(System.getProperty("node.compat.directory", "target/node-compat"));
        try (KarafNode node = KarafNode.unpack("node-client").offline().emptyDataDirectory()) {
            node.start().awaitReady(Duration.ofSeconds(120));
            String url = "http://127.0.0.1:" + node.httpPort() + "/geoserver/rest/";
            Wait.until("the REST API at " + url, Duration.ofSeconds(60), () -> node.rest().get("/about/version.json").status() == 200, node::logTail);
            ProcessBuilder run = new ProcessBuilder("node", "--test", "geoserver-node-client.test.mjs")
                    .directory(scenario.toFile())
                    .redirectErrorStream(true);
            run.environment().put("GEOSERVER_URL", url);
            run.environment().put("GEOSERVER_VERSION", "2.26.2");
            Process process = run.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("node --test did not finish in 5 minutes:\n" + output);
            }
            System.out.println(output);
            assertEquals("geoserver-node-client scenario (node --test output above):\n" + output + "\n" + node.logTail(), 0, process.exitValue());
        } catch (IOException e) {
            throw new AssertionError("cannot run node in " + scenario.toAbsolutePath() + " (is Node.js installed, did npm install run?)", e);
        }
    }
}
