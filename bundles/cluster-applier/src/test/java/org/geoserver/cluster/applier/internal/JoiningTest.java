package org.geoserver.cluster.applier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that starts without configuration of its own installs a peer's snapshot before it applies single events. */
class JoiningTest {

    @TempDir
    Path data;

    @Test
    void aJoiningNodeKeepsSingleEventsUntilItInstallsASnapshot() throws Exception {
        TestNode a = new TestNode("node-a", data.resolve("a"));
        a.catalog.add(WorkspaceInfo.named("before"));
        a.sent(); // b never receives these: they were sent before it subscribed
        TestNode b = new TestNode("node-b", data.resolve("b"), true);
        assertTrue(b.applier.joining());

        a.catalog.add(WorkspaceInfo.named("later"));
        b.receive(a.sent());
        assertNull(b.catalog.getWorkspaceByName("later"), "a single event waits: the node would serve a configuration of the latest changes only");
        assertEquals(2, b.applier.deferred(), "the workspace and its namespace");
        assertTrue(b.applier.kept().get(0).reason().contains("joining"), b.applier.kept().get(0).reason());

        b.applier.install(a.applier.take());
        assertFalse(b.applier.joining());
        assertEquals(a.content(), b.content(), "the whole configuration, not only the latest changes");
        assertEquals(0, b.applier.deferred(), "the kept events applied or were skipped as included in the snapshot");
        assertTrue(Files.readString(data.resolve("b/joined")).contains("installed the"));

        TestNode restarted = new TestNode("node-b", data.resolve("b"), true);
        assertFalse(restarted.applier.joining(), "a node joins once");
    }

    @Test
    void theFirstNodeOfItsClusterSettlesAndAppliesWhatItKept() throws Exception {
        TestNode a = new TestNode("node-a", data.resolve("a"));
        TestNode b = new TestNode("node-b", data.resolve("b"), true);
        assertTrue(b.applier.joining());
        a.catalog.add(WorkspaceInfo.named("sf"));
        b.receive(a.sent());
        assertNull(b.catalog.getWorkspaceByName("sf"));
        b.applier.settle("no peer holds configuration");
        assertFalse(b.applier.joining());
        assertNotNull(b.catalog.getWorkspaceByName("sf"), "kept events apply once settled");
        assertEquals(0, b.applier.deferred());
    }

    @Test
    void aNodeWithConfigurationOrHistoryOfItsOwnDoesNotJoin() throws Exception {
        TestNode adopted = new TestNode("node-c", data.resolve("c"), true);
        adopted.catalog.add(WorkspaceInfo.named("mine"));
        assertFalse(adopted.applier.joining(), "a data directory adopted by the first node counts as history");

        TestNode defaults = new TestNode("node-d", data.resolve("d"), true);
        StyleInfo point = new StyleInfo();
        point.setName("point");
        defaults.catalog.replaceAll(java.util.List.of(point)); // as loaded from a new data directory, not captured
        assertTrue(defaults.applier.joining(), "the styles of a new data directory are no configuration of its own");

        TestNode a = new TestNode("node-a", data.resolve("a"));
        a.catalog.add(WorkspaceInfo.named("sf"));
        TestNode e = new TestNode("node-e", data.resolve("e"));
        e.receive(a.sent()); // history, kept in its ledger
        TestNode history = new TestNode("node-e", data.resolve("e"), true);
        assertFalse(history.applier.joining(), "a node that took part in the cluster before does not join again");
    }
}
