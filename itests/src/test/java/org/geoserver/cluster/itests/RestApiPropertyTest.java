package org.geoserver.cluster.itests;

import static org.junit.Assert.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.geoserver.cluster.itests.GeoServerRest.Answer;
import org.geoserver.cluster.itests.RestApiRequests.Probe;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A seeded property test of the REST API on two nodes of the distribution (a runs the embedded
 * broker, b connects to it). It sends valid requests of every resource the API writes, the same
 * bodies damaged in every way ({@link RestApiRequests}), and wrong methods, paths and content
 * types, mostly to a and some to b, and holds every answer to the cluster's promise:
 *
 * <ul>
 *   <li>a 4xx carries a message, and neither node's configuration changed (digest of
 *       {@code /rest/cluster/status.json}, and the style file the request aimed at);
 *   <li>a 2xx is seen by the other node: the digests become equal within {@link #PROPAGATION};
 *   <li>anything else (5xx, no answer) is a violation.
 * </ul>
 *
 * After the requests both nodes restart and must come back with the configuration they had. The
 * seed is printed; {@code -Drestprop.seed=N} repeats a run, {@code -Drestprop.requests=N} sets its
 * length. The counts and every violation are printed; any violation fails the test.
 */
public class RestApiPropertyTest {

    private static final long SEED = Long.getLong("restprop.seed", System.nanoTime());
    private static final int REQUESTS = Integer.getInteger("restprop.requests", 2_000);
    private static final Duration START = Duration.ofSeconds(120);
    /** An accepted change reaches the peer in milliseconds; far more (plus a second per MB of body) is a change the peer will never get. */
    private static final Duration PROPAGATION = Duration.ofSeconds(5);
    /** The digest is cheap to read: poll it finely, so that waiting for each change costs little. */
    private static final Duration POLL = Duration.ofMillis(5);
    /** Requests between two readings of the names the requests aim at (a reading costs about 70 GETs). */
    private static final int REFRESH_NAMES_EVERY = 40;
    private static final int MAX_WORKSPACES_READ = 6;
    /**
     * Times two nodes that no longer agree, and cannot be made to (cluster:resync refuses), are
     * replaced by fresh ones so that the rest of the run can still be judged; each costs a start-up.
     */
    private static final int MAX_FRESH_STARTS = 2;
    private static final Pattern DIGEST = Pattern.compile("\"digest\":\"([0-9a-f]{64})\"");
    /**
     * A change of no consequence for each settings object, by root element: %1$s is the element,
     * %2$d a number making it new. Catalog objects get {@link #MODIFICATION_DATE}.
     */
    private static final Map<String, String> HARMLESS_CHANGES = Map.of(
            "logging", "<%s><location>logs/repair-%d.log</location></%1$s>",
            "global", "<%s><settings><onlineResource>http://example.com/repair-%d</onlineResource></settings></%1$s>",
            "settings", "<%s><onlineResource>http://example.com/repair-%d</onlineResource></%1$s>",
            "contact", "<%s><contactPerson>repair %d</contactPerson></%1$s>",
            "wms", "<%s><title>repair %d</title></%1$s>",
            "wfs", "<%s><title>repair %d</title></%1$s>",
            "wcs", "<%s><title>repair %d</title></%1$s>",
            "wmts", "<%s><title>repair %d</title></%1$s>");
    private static final String MODIFICATION_DATE = "<%s><dateModified>2000-01-01 00:00:00.%03d UTC</dateModified></%1$s>";
    private static final Pattern JSON_ROOT = Pattern.compile("^\\{\"(\\w+)\"");
    private static final Pattern FAILED = Pattern.compile("\"failed\":\"?(\\d+)");
    private static final Pattern DEFERRED = Pattern.compile("\"deferred\":\"?(\\d+)");
    /** How long a change may still arrive after the applier reported an event it could not apply. */
    private static final Duration STUCK_GRACE = Duration.ofMillis(500);

    private static KarafNode a;
    private static KarafNode b;

    @BeforeClass
    public static void startTwoNodes() {
        System.out.println("RestApiPropertyTest seed: " + SEED + " (repeat with -Drestprop.seed=" + SEED + "), " + REQUESTS + " requests");
        startFreshNodes();
    }

    /** Unpacks both nodes anew (an empty history, the shipped sample configuration) and starts them. */
    private static void startFreshNodes() {
        a = KarafNode.unpack("restprop-a").offline();
        b = KarafNode.unpack("restprop-b").offline();
        for (KarafNode node : List.of(a, b)) {
            // A node repairing itself from its peer would hide a change that one node lost.
            node.configure("org.geoserver.cluster.cfg", "autoResync", "false");
        }
        a.cluster("", false).start();
        b.cluster(a.brokerUrl(), false).start();
        for (KarafNode node : List.of(a, b)) {
            node.awaitReady(START).awaitClusterConnection(Duration.ofSeconds(60));
        }
    }

    @AfterClass
    public static void stopTwoNodes() {
        for (KarafNode node : new KarafNode[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    public void everyAnswerIsARefusalThatChangesNothingOrAChangeBothNodesGetAndKeep() {
        long start = System.nanoTime();
        Run run = new Run();
        run.agreed = run.awaitAgreement(a, b, "at the start");
        RestApiRequests requests = new RestApiRequests(SEED);
        ConfigurationNames names = null;
        double requestSeconds = 0;
        try {
            for (int i = 1; i <= REQUESTS && !run.aborted; i++) {
                if (names == null || i % REFRESH_NAMES_EVERY == 0) {
                    long reading = System.nanoTime();
                    names = ConfigurationNames.read(a.rest(), MAX_WORKSPACES_READ);
                    run.namesNanos += System.nanoTime() - reading;
                }
                run.check(i, requests.next(names));
                if (i % 500 == 0) {
                    System.out.printf("RestApiPropertyTest: %d requests in %.0f s, %d violations%n", i, (System.nanoTime() - start) / 1e9, run.violations.size());
                }
            }
            requestSeconds = (System.nanoTime() - start) / 1e9;
            if (a.isAlive() && b.isAlive()) {
                run.restartBothAndCompare();
            }
        } finally {
            // Also when a check itself broke down: what was found so far is the point of the run.
            System.out.println(run.report(requestSeconds, (System.nanoTime() - start) / 1e9));
        }
        assertTrue(run.violations.size() + " violations (seed " + SEED + "), each printed above with its request and answer, by rule:\n  "
                + String.join("\n  ", run.violationsByRule.keySet()), run.violations.isEmpty());
    }

    /** One node's configuration digest and its applier's count of events it could not apply (failed or deferred). */
    private record NodeStatus(String digest, long stuck) {}

    /** The counts and the violations of one run, and the checks that make them. */
    private static final class Run {

        String agreed;
        boolean aborted;
        int freshStarts;
        int repairs;
        /** Each node's count of events its applier could not apply, as last read. */
        final Map<String, Long> stuckSeen = new TreeMap<>();
        /** Each node's count of errors in its log, as last shown. */
        final Map<String, Integer> errorsSeen = new TreeMap<>();
        int sent;
        int accepted;
        /** Where the time goes: answering, checking the nodes afterwards, reading names, fresh starts. */
        long answerNanos;
        long checkNanos;
        long namesNanos;
        long freshStartNanos;
        long repairNanos;
        long statusNanos;
        int statusReads;
        /** The slowest answers, for the report: a request the node takes seconds to answer is worth knowing. */
        final TreeMap<Long, String> slowest = new TreeMap<>();
        final TreeMap<Integer, Integer> refused = new TreeMap<>();
        final Map<String, TreeMap<Integer, Integer>> statusesByKind = new TreeMap<>();
        final List<String> violations = new ArrayList<>();
        /** Request numbers of the violations, by rule broken and kind of request. */
        final Map<String, List<Integer>> violationsByRule = new TreeMap<>();

        /** Sends one request, classifies its answer and checks both nodes accordingly. */
        void check(int number, Probe probe) {
            KarafNode target = probe.toPeer() ? b : a;
            KarafNode other = probe.toPeer() ? a : b;
            long otherStuckBefore = stuckSeen.getOrDefault(other.name(), 0L);
            Answer fileBefore = probe.styleFile() == null ? null : styleFile(target, probe.styleFile());
            sent++;
            Answer answer;
            long sending = System.nanoTime();
            try {
                answer = target.rest().request(probe.method(), probe.path(), probe.contentType(), probe.body());
                long took = System.nanoTime() - sending;
                answerNanos += took;
                slowest.put(took, probe.kind() + ": " + probe.method() + " " + printable(probe.path(), 80) + " (" + probe.body().length + " bytes) -> " + answer.status());
                if (slowest.size() > 5) {
                    slowest.pollFirstEntry();
                }
            } catch (UncheckedIOException e) {
                violation(number, probe, null, "no answer: " + e.getCause());
                afterUnexpectedAnswer(number, probe, target, other);
                return;
            }
            // By mutation and format, whatever resource it damaged: "class attribute on root (json)".
            statusesByKind.computeIfAbsent(probe.kind().replaceFirst(": .*", ""), k -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
            long checking = System.nanoTime();
            try {
                classify(number, probe, answer, target, other, otherStuckBefore, fileBefore);
            } finally {
                checkNanos += System.nanoTime() - checking;
            }
        }

        private void classify(int number, Probe probe, Answer answer, KarafNode target, KarafNode other, long otherStuckBefore, Answer fileBefore) {
            if (answer.status() >= 200 && answer.status() < 300) {
                accepted++;
                checkAccepted(number, probe, answer, target, other, otherStuckBefore);
            } else if (answer.status() >= 400 && answer.status() < 500) {
                refused.merge(answer.status(), 1, Integer::sum);
                checkRefused(number, probe, answer, target, other, fileBefore);
            } else {
                violation(number, probe, answer, "neither accepted nor refused" + lastError(target));
                afterUnexpectedAnswer(number, probe, target, other);
            }
        }

        /** A 2xx: the other node must get the change (and the style file), soon. */
        private void checkAccepted(int number, Probe probe, Answer answer, KarafNode target, KarafNode other, long stuckBefore) {
            NodeStatus changed = status(target);
            if (changed == null) {
                violation(number, probe, answer, "accepted, but the node no longer answers /rest/cluster/status.json: " + target.name());
                startFresh(number, probe, answer);
                return;
            }
            Duration timeout = PROPAGATION.plusSeconds(probe.body().length / 1_000_000);
            String missed = awaitFollowed(other, changed.digest(), timeout, stuckBefore);
            if (missed != null) {
                violation(number, probe, answer, "accepted, but the other node did not take the change: " + target.name() + " " + changed.digest() + ", "
                        + other.name() + " " + missed + lastError(other));
                repair(number, probe, answer, target, other);
                return;
            }
            agreed = changed.digest();
            if (probe.styleFile() != null) {
                Answer file = styleFile(target, probe.styleFile());
                if (!poll(() -> sameAnswer(file, styleFile(other, probe.styleFile())))) {
                    violation(number, probe, answer, "accepted, but the other node's style file differs: " + probe.styleFile() + ".sld is "
                            + describe(file) + " on " + target.name() + ", " + describe(styleFile(other, probe.styleFile())) + " on " + other.name());
                }
            }
        }

        /**
         * Waits until the node has the digest; returns null then, else what it has instead. Gives up
         * early, after a short grace, once the node's applier failed or deferred an event since
         * {@code stuckBefore}: an event that came in after all its references did cannot be applied
         * later. (The grace lets a late failure of an earlier event, e.g. of a repair, pass.)
         */
        private String awaitFollowed(KarafNode node, String digest, Duration timeout, long stuckBefore) {
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            String last = "(no status)";
            while (true) {
                NodeStatus status = status(node);
                if (status != null && status.digest().equals(digest)) {
                    return null;
                }
                if (status != null) {
                    last = status.digest();
                    if (status.stuck() > stuckBefore) {
                        last += ", its applier failed or deferred an event";
                        deadline = Math.min(deadline, System.nanoTime() + STUCK_GRACE.toNanos());
                    }
                }
                if (System.nanoTime() > deadline) {
                    return last + String.format(", after %.1f s", (System.nanoTime() - start) / 1e9);
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }

        /** A 4xx: a message, and nothing changed on either node. */
        private void checkRefused(int number, Probe probe, Answer answer, KarafNode target, KarafNode other, Answer fileBefore) {
            // HEAD answers have no body by HTTP's rules; TRACE is refused by the web server itself (405, no body), before any servlet.
            if (answer.body().isBlank() && !probe.method().equals("HEAD") && !probe.method().equals("TRACE")) {
                violation(number, probe, answer, "refused without a message");
            }
            NodeStatus targetAfter = status(target);
            NodeStatus otherAfter = status(other);
            boolean changed = false;
            for (KarafNode node : List.of(target, other)) {
                NodeStatus after = node == target ? targetAfter : otherAfter;
                if (after == null || !after.digest().equals(agreed)) {
                    violation(number, probe, answer, "refused, but a configuration changed: " + node.name() + "'s digest is "
                            + (after == null ? "unreadable" : after.digest()) + ", was " + agreed);
                    changed = true;
                }
            }
            if (fileBefore != null) {
                Answer fileAfter = styleFile(target, probe.styleFile());
                if (!sameAnswer(fileBefore, fileAfter)) {
                    violation(number, probe, answer, "refused, but the style file changed: " + probe.styleFile() + ".sld was " + describe(fileBefore)
                            + ", is " + describe(fileAfter));
                }
            }
            if (changed) {
                afterUnexpectedAnswer(number, probe, target, other);
            }
        }

        /** After a change where none should be: the nodes must at least agree again before the next request is judged. */
        private void afterUnexpectedAnswer(int number, Probe probe, KarafNode target, KarafNode other) {
            if (!target.isAlive() || !other.isAlive()) {
                abort(number, probe, null, "a node died: " + (target.isAlive() ? other : target).logTail());
                return;
            }
            NodeStatus changed = status(target);
            if (changed != null && poll(() -> changed.digest().equals(digestOrNull(other)))) {
                agreed = changed.digest();
                return;
            }
            violation(number, probe, null, "after it the nodes no longer agree");
            repair(number, probe, null, target, other);
        }

        /**
         * Brings the two nodes to agree again, so that later requests are judged on their own: the
         * object the request wrote saved anew on the node that kept it, else removed from both, else
         * the other node resynced from the target (cluster:resync), else fresh nodes.
         */
        private void repair(int number, Probe probe, Answer answer, KarafNode target, KarafNode other) {
            long repairing = System.nanoTime();
            try {
                bringToAgreement(number, probe, answer, target, other);
            } finally {
                repairNanos += System.nanoTime() - repairing;
            }
        }

        private void bringToAgreement(int number, Probe probe, Answer answer, KarafNode target, KarafNode other) {
            String object = changedObject(probe, answer);
            if (object != null && probe.method().equals("PUT") && resave(object, other, target)) {
                System.out.println("RestApiPropertyTest: saved " + object + " again on " + other.name() + ", so that the nodes agree again");
                return;
            }
            if (object != null && removeEverywhere(object, target, other)) {
                System.out.println("RestApiPropertyTest: removed " + object + " from both nodes, so that they agree again");
                return;
            }
            String output = other.ssh("cluster:resync " + target.name());
            String digest = digestOrNull(target);
            if (!output.contains("failed") && digest != null && poll(Duration.ofSeconds(30), () -> digest.equals(digestOrNull(other)))) {
                agreed = digest;
                return;
            }
            System.out.println("RestApiPropertyTest: cannot bring " + other.name() + " back to " + target.name() + "'s configuration: " + output.trim());
            startFresh(number, probe, answer);
        }

        /** The API path of the object a request created (its Location) or wrote (its path), or null when it names none. */
        private static String changedObject(Probe probe, Answer answer) {
            if (answer != null && answer.location() != null) {
                int api = answer.location().indexOf("/geoserver/rest/");
                return api < 0 ? null : answer.location().substring(api + "/geoserver/rest".length());
            }
            return probe.method().equals("PUT") || probe.method().equals("DELETE") ? probe.path().replaceFirst("\\?.*", "") : null;
        }

        /**
         * Changes a harmless property of the object on the node that kept its version from before
         * the change: that node's version is then the latest, and the node that took a change the
         * other could not gets it back. (An unchanged save publishes nothing.) Also for what cannot
         * be removed: logging, the global service settings, a default style layers use.
         */
        private boolean resave(String object, KarafNode keeper, KarafNode changed) {
            Answer current = keeper.rest().get(object + ".json");
            Matcher root = JSON_ROOT.matcher(current.body());
            if (current.status() != 200 || !root.find()) {
                return false;
            }
            String body = String.format(HARMLESS_CHANGES.getOrDefault(root.group(1), MODIFICATION_DATE), root.group(1), ++repairs);
            keeper.rest().request("PUT", object, "application/xml", body.getBytes(StandardCharsets.UTF_8));
            return agreeAfterRepair(keeper, changed);
        }

        /**
         * Removes an object (and what depends on it) from both nodes, each for itself, where one node
         * holds a version the other could not take.
         */
        private boolean removeEverywhere(String object, KarafNode target, KarafNode other) {
            for (KarafNode node : List.of(target, other)) {
                node.rest().request("DELETE", object + "?recurse=true", null, new byte[0]);
            }
            return agreeAfterRepair(target, other);
        }

        /** True when the peer comes to the digest the repaired node has; that is then the agreed one. */
        private boolean agreeAfterRepair(KarafNode repaired, KarafNode peer) {
            String digest = digestOrNull(repaired);
            if (digest != null && poll(() -> digest.equals(digestOrNull(peer)))) {
                agreed = digest;
                return true;
            }
            return false;
        }

        /** Replaces both nodes by fresh ones, at most {@link #MAX_FRESH_STARTS} times; then the run stops. */
        private void startFresh(int number, Probe probe, Answer answer) {
            if (freshStarts == MAX_FRESH_STARTS) {
                abort(number, probe, answer, "the nodes cannot be brought to agree again: the run has started fresh nodes " + MAX_FRESH_STARTS + " times");
                return;
            }
            freshStarts++;
            System.out.println("RestApiPropertyTest: starting fresh nodes after request " + number);
            long starting = System.nanoTime();
            stopTwoNodes();
            startFreshNodes();
            freshStartNanos += System.nanoTime() - starting;
            stuckSeen.clear();
            errorsSeen.clear();
            agreed = awaitAgreement(a, b, "after a fresh start");
        }

        private void abort(int number, Probe probe, Answer answer, String what) {
            violation(number, probe, answer, what + "; the run stops here");
            aborted = true;
        }

        String awaitAgreement(KarafNode first, KarafNode second, String when) {
            Wait.until("the two nodes to agree " + when, Duration.ofSeconds(60), () -> Objects.equals(digestOrNull(first), digestOrNull(second)),
                    () -> first.ssh("cluster:status") + "\n" + second.ssh("cluster:status"));
            return digestOrNull(first);
        }

        void violation(int number, Probe probe, Answer answer, String what) {
            StringBuilder text = new StringBuilder("VIOLATION at request ").append(number).append(": ").append(what);
            if (probe != null) {
                text.append("\n    kind:    ").append(probe.kind())
                        .append("\n    request: ").append(probe.method()).append(' ').append(probe.path())
                        .append(" [").append(probe.contentType() == null ? "no Content-Type" : probe.contentType()).append("] ")
                        .append(probe.body().length).append(" bytes: ").append(printable(new String(probe.body(), StandardCharsets.UTF_8), 200));
            }
            if (answer != null) {
                text.append("\n    answer:  ").append(answer.status()).append(' ').append(printable(answer.body(), 200));
            }
            violations.add(text.toString());
            // The rule broken is what comes before the details; the kind without the resource it damaged.
            String rule = what.split("[:\n]", 2)[0] + (probe == null ? "" : " | " + probe.kind().replaceFirst(": .*", ""));
            violationsByRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(number);
            System.out.println("RestApiPropertyTest: violation at request " + number + ": " + rule);
        }

        // -------------------------------------------------------------- restart

        /** What a restart must keep: the digest, the names behind it and the style files (which the digest does not cover). */
        private record Snapshot(String digest, TreeSet<String> objects, TreeSet<String> paths, Map<String, String> styleFiles) {}

        private Snapshot snapshot(KarafNode node) {
            ConfigurationNames names = ConfigurationNames.read(node.rest(), Integer.MAX_VALUE);
            Map<String, String> files = new LinkedHashMap<>();
            for (String style : names.stylePaths()) {
                files.put(style, describe(styleFile(node, style)));
            }
            TreeSet<String> objects = new TreeSet<>(node.ssh("cluster:digest --objects").lines().map(String::trim).filter(l -> l.contains(" ")).toList());
            return new Snapshot(digestOrNull(node), objects, names.paths(), files);
        }

        void restartBothAndCompare() {
            Snapshot beforeA = snapshot(a);
            Snapshot beforeB = snapshot(b);
            // Two nodes that no longer agree (a run stopped early) have said so already; each must still keep its own.
            boolean agreeing = !aborted;
            if (agreeing) {
                compare("the nodes differ before the restart", beforeA, beforeB);
            }
            b.stop(Duration.ofSeconds(60));
            a.stop(Duration.ofSeconds(60));
            a.start();
            b.start();
            for (KarafNode node : List.of(a, b)) {
                node.awaitReady(START).awaitClusterConnection(Duration.ofSeconds(60));
            }
            Snapshot afterA = snapshot(a);
            Snapshot afterB = snapshot(b);
            compare("the restart changed a's configuration", beforeA, afterA);
            compare("the restart changed b's configuration", beforeB, afterB);
            if (agreeing) {
                compare("the nodes differ after the restart", afterA, afterB);
            }
        }

        private void compare(String rule, Snapshot expected, Snapshot actual) {
            List<String> differences = new ArrayList<>();
            if (!Objects.equals(expected.digest(), actual.digest())) {
                differences.add("digest " + actual.digest() + " instead of " + expected.digest());
            }
            differences.addAll(onlyIn("objects (type id: digest) missing or changed", expected.objects(), actual.objects()));
            differences.addAll(onlyIn("objects (type id: digest) new or changed", actual.objects(), expected.objects()));
            differences.addAll(onlyIn("names lost", expected.paths(), actual.paths()));
            differences.addAll(onlyIn("names gained", actual.paths(), expected.paths()));
            expected.styleFiles().forEach((style, file) -> {
                if (actual.styleFiles().containsKey(style) && !file.equals(actual.styleFiles().get(style))) {
                    differences.add("style file " + style + ".sld: " + printable(actual.styleFiles().get(style), 200) + " instead of " + printable(file, 200));
                }
            });
            if (!differences.isEmpty()) {
                violation(0, null, null, rule + ":\n      " + String.join("\n      ", differences));
            }
        }

        private static List<String> onlyIn(String label, TreeSet<String> these, TreeSet<String> others) {
            List<String> only = these.stream().filter(x -> !others.contains(x)).map(x -> label + ": " + printable(x, 200)).toList();
            return only.size() > 20 ? List.of(label + ": " + only.size() + " of them, first " + only.get(0)) : only;
        }

        // -------------------------------------------------------------- report

        /** Every violation with its request and answer, the answers by kind of request, then the counts, last so that they are seen. */
        String report(double requestSeconds, double totalSeconds) {
            StringBuilder out = new StringBuilder("\n");
            violations.forEach(v -> out.append(v).append('\n'));
            out.append("RestApiPropertyTest answers by kind of request:\n");
            statusesByKind.forEach((kind, statuses) -> {
                out.append("    ").append(kind).append(": ");
                statuses.forEach((status, count) -> out.append(status).append('x').append(count).append(' '));
                out.append('\n');
            });
            out.append(String.format("RestApiPropertyTest seed %d: %d requests in %.0f s (%.0f s in all, with the restart and any fresh start)%n",
                    SEED, sent, requestSeconds, totalSeconds));
            out.append(String.format("  time: %.0f s answering, %.0f s checking both nodes (of which %.0f s bringing them to agree after violations, "
                    + "%.0f s of it fresh starts; %d digests read in %.0f s), %.0f s reading names%n", answerNanos / 1e9, checkNanos / 1e9, repairNanos / 1e9,
                    freshStartNanos / 1e9, statusReads, statusNanos / 1e9, namesNanos / 1e9));
            slowest.descendingMap().forEach((nanos, what) -> out.append(String.format("    slow answer: %.1f s %s%n", nanos / 1e9, what)));
            out.append("  accepted: ").append(accepted).append('\n');
            out.append("  refused:  ").append(refused.values().stream().mapToInt(Integer::intValue).sum()).append("   ");
            refused.forEach((status, count) -> out.append(status).append(": ").append(count).append("   "));
            out.append("\n  violations: ").append(violations.size()).append(aborted ? " (run stopped early)" : "").append('\n');
            violationsByRule.forEach((rule, numbers) -> out.append("    ").append(rule).append(": ").append(numbers.size()).append(" (request")
                    .append(numbers.size() > 1 ? "s " : " ").append(numbers.stream().limit(8).map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(numbers.size() > 8 ? ", ..." : "").append(")\n"));
            return out.toString();
        }

        // -------------------------------------------------------------- node reads

        private NodeStatus status(KarafNode node) {
            Answer answer;
            long reading = System.nanoTime();
            try {
                answer = node.rest().get("/cluster/status.json");
            } catch (UncheckedIOException e) {
                return null;
            } finally {
                statusReads++;
                statusNanos += System.nanoTime() - reading;
            }
            Matcher digest = DIGEST.matcher(answer.body());
            if (answer.status() != 200 || !digest.find()) {
                return null;
            }
            NodeStatus status = new NodeStatus(digest.group(1), count(FAILED, answer.body()) + count(DEFERRED, answer.body()));
            stuckSeen.put(node.name(), status.stuck());
            return status;
        }

        /** The first count the pattern finds (the node's own applier comes before its peers), or 0. */
        private static long count(Pattern pattern, String status) {
            Matcher matcher = pattern.matcher(status);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        }

        /** The node's latest error logged since the last one shown, to show why it failed something; empty when there is none. */
        private String lastError(KarafNode node) {
            List<String> errors = node.log().lines().filter(l -> l.contains("| ERROR |")).toList();
            int seen = errorsSeen.getOrDefault(node.name(), 0);
            errorsSeen.put(node.name(), errors.size());
            return errors.size() <= seen ? "" : "\n    last error logged by " + node.name() + ": " + printable(errors.get(errors.size() - 1).replaceFirst("^.*?\\| ERROR \\|[^|]*\\|[^|]*\\|[^|]*\\| ", ""), 400);
        }

        private String digestOrNull(KarafNode node) {
            NodeStatus status = status(node);
            return status == null ? null : status.digest();
        }

        private static Answer styleFile(KarafNode node, String style) {
            return node.rest().get(style + ".sld");
        }

        private static boolean sameAnswer(Answer one, Answer other) {
            return one.status() == other.status() && one.body().equals(other.body());
        }

        private static String describe(Answer answer) {
            return answer.status() + " " + answer.body();
        }

        private static boolean poll(BooleanSupplier condition) {
            return poll(PROPAGATION, condition);
        }

        /** True as soon as the condition holds, false when it still does not after the timeout. */
        private static boolean poll(Duration timeout, BooleanSupplier condition) {
            try {
                Wait.until("", timeout, POLL, condition, () -> "");
                return true;
            } catch (AssertionError timedOut) {
                return false;
            }
        }

        /** At most {@code max} characters, with control and other invisible characters shown as \\uXXXX. */
        static String printable(String text, int max) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            for (; i < text.length() && out.length() < max; i++) {
                char c = text.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (pair) {
                    out.append(c).append(text.charAt(++i));
                } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c) || c == '\ufffe' || c == '\uffff') {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return i < text.length() ? out + "..." : out.toString();
        }
    }
}
