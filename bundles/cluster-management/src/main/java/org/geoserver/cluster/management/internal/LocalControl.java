package org.geoserver.cluster.management.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterResync;

/**
 * The switches an operator may use on a node from anywhere in the cluster, as text commands:
 * {@code toggle master|slave on|off} and {@code resync [source]}. One place that reads and runs
 * them, for this node's REST resource and for the requests of other nodes.
 */
final class LocalControl {

    /** How long a resync may take before the answer says it goes on. */
    static final long RESYNC_SECONDS = 100;

    private LocalControl() {}

    static String toggle(String role, String state) {
        return "toggle " + role + " " + state;
    }

    static String resync(String source) {
        return source == null || source.isBlank() ? "resync" : "resync " + source;
    }

    /**
     * Runs a command on this node.
     *
     * @param resync null while the resync service is not running
     * @return a one-line report
     * @throws IllegalArgumentException for a command that is not one of the above
     */
    static String run(String command, ClusterConfiguration configuration, ClusterResync resync) throws Exception {
        List<String> words = List.of(command.trim().split("\\s+"));
        String node = configuration.current().instanceName();
        if (words.size() == 3 && words.get(0).equals("toggle")) {
            String key = switch (words.get(1).toLowerCase(Locale.ROOT)) {
                case "master" -> "toggleMaster";
                case "slave" -> "toggleSlave";
                default -> throw new IllegalArgumentException("role must be master or slave, not '" + words.get(1) + "'");
            };
            String value = switch (words.get(2).toLowerCase(Locale.ROOT)) {
                case "on", "true" -> "true";
                case "off", "false" -> "false";
                default -> throw new IllegalArgumentException("state must be on or off, not '" + words.get(2) + "'");
            };
            configuration.update(Map.of(key, value));
            return key + " = " + value + " on " + node;
        }
        if (!words.isEmpty() && words.get(0).equals("resync") && words.size() <= 2) {
            if (resync == null) {
                throw new IllegalStateException("the resync service is not running on " + node);
            }
            try {
                return node + ": " + resync.resync(words.size() == 2 ? words.get(1) : null, "operator's request").get(RESYNC_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the resync of " + node + " failed: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                return node + ": the resync goes on after " + RESYNC_SECONDS + " s; see its log";
            }
        }
        throw new IllegalArgumentException("unknown command '" + command + "' (toggle master|slave on|off, resync [source])");
    }
}
