package org.geoserver.cluster.management.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterResync;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.junit.jupiter.api.Test;

class LocalControlTest {

    /** Records the keys a command saves. */
    private final Map<String, String> saved = new HashMap<>();
    private final ClusterConfiguration configuration = new ClusterConfiguration() {
        private final ClusterSettings settings = TestClusterConfiguration.settings("node-b", "g", "");

        @Override
        public ClusterSettings current() {
            return settings;
        }

        @Override
        public AutoCloseable subscribe(Consumer<ClusterSettings> listener) {
            return () -> {};
        }

        @Override
        public void update(Map<String, String> changes) {
            saved.putAll(changes);
        }
    };

    @Test
    void togglesARoleAndSaysWhere() throws Exception {
        assertEquals("toggleSlave = false on node-b", LocalControl.run(LocalControl.toggle("slave", "off"), configuration, null));
        assertEquals(Map.of("toggleSlave", "false"), saved);
        assertEquals("toggleMaster = true on node-b", LocalControl.run("toggle MASTER on", configuration, null));
    }

    @Test
    void resyncsFromTheSourceAsked() throws Exception {
        String[] asked = new String[1];
        ClusterResync resync = (node, reason) -> {
            asked[0] = node;
            return CompletableFuture.completedFuture("installed 3 objects");
        };
        assertEquals("node-b: installed 3 objects", LocalControl.run(LocalControl.resync("node-a"), configuration, resync));
        assertEquals("node-a", asked[0]);
        LocalControl.run(LocalControl.resync(""), configuration, resync);
        assertEquals(null, asked[0], "the best peer");
        ClusterResync failing = (node, reason) -> CompletableFuture.failedFuture(new IllegalStateException("no peer answered"));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> LocalControl.run("resync", configuration, failing));
        assertTrue(failure.getMessage().contains("no peer answered"), failure.getMessage());
    }

    @Test
    void refusesWhatIsNotACommand() {
        assertThrows(IllegalArgumentException.class, () -> LocalControl.run("toggle leader on", configuration, null));
        assertThrows(IllegalArgumentException.class, () -> LocalControl.run("toggle slave maybe", configuration, null));
        assertThrows(IllegalArgumentException.class, () -> LocalControl.run("rm -rf /", configuration, null));
        assertThrows(IllegalStateException.class, () -> LocalControl.run("resync", configuration, null), "no resync service");
        assertEquals(Map.of(), saved, "nothing saved");
    }
}
