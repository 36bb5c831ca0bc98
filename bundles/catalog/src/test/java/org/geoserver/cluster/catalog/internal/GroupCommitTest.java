package org.geoserver.cluster.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogListener;
import org.geoserver.cluster.catalog.api.CatalogPersistence;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Local changes are put on disk together outside the catalog's lock: readers never wait for the disk, and a failed write undoes every waiting change. */
class GroupCommitTest {

    /** Plans in memory; a sync waits for {@link #release} while {@link #blocking}, then writes or fails everything planned. */
    private static final class SlowDisk implements CatalogPersistence {
        final List<ChangeEvent> planned = new ArrayList<>();
        final List<ChangeEvent> written = new CopyOnWriteArrayList<>();
        final List<ChangeEvent> discarded = new CopyOnWriteArrayList<>();
        final CountDownLatch syncing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean blocking = true;
        volatile boolean failing;
        int syncs;

        @Override
        public synchronized void persist(List<ChangeEvent> changes, Catalog catalog) {
            planned.addAll(changes);
        }

        @Override
        public void sync() throws Exception {
            syncing.countDown();
            if (blocking) {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            }
            synchronized (this) {
                syncs++;
                if (failing) {
                    throw new IOException("disk full");
                }
                written.addAll(planned);
                planned.clear();
            }
        }

        @Override
        public synchronized void discard(List<ChangeEvent> events) {
            discarded.addAll(events);
            planned.removeAll(events);
        }
    }

    private final CatalogImpl catalog = new CatalogImpl();
    private final SlowDisk disk = new SlowDisk();
    private final List<ChangeEvent> told = new CopyOnWriteArrayList<>();
    private final ExecutorService writers = Executors.newFixedThreadPool(3);

    GroupCommitTest() {
        catalog.addListener(told::add);
        catalog.setPersistence(disk);
    }

    @AfterEach
    void stop() {
        disk.release.countDown();
        writers.shutdownNow();
    }

    @Test
    void readersDoNotWaitWhileAChangeIsWritten() throws Exception {
        Future<WorkspaceInfo> writing = writers.submit(() -> catalog.add(WorkspaceInfo.named("slow")));
        assertTrue(disk.syncing.await(10, TimeUnit.SECONDS));
        // The writer waits for the disk; the catalog is not locked meanwhile.
        assertNotNull(catalog.getWorkspaceByName("slow"), "applied in memory before it is on disk");
        assertEquals(1, catalog.list(WorkspaceInfo.class).size());
        assertFalse(writing.isDone(), "the writer is answered only once its change is on disk");
        assertTrue(told.isEmpty(), "listeners hear of a local change once it is on disk");
        disk.release.countDown();
        assertEquals("slow", writing.get(10, TimeUnit.SECONDS).getName());
        assertEquals(3, disk.written.size(), "the workspace, its namespace and the defaults");
        assertEquals(disk.written, told, "told in commit order, once written");
    }

    @Test
    void changesWaitingTogetherAreWrittenWithOneSync() throws Exception {
        Future<WorkspaceInfo> first = writers.submit(() -> catalog.add(WorkspaceInfo.named("first")));
        assertTrue(disk.syncing.await(10, TimeUnit.SECONDS));
        Future<WorkspaceInfo> second = writers.submit(() -> catalog.add(WorkspaceInfo.named("second")));
        Future<WorkspaceInfo> third = writers.submit(() -> catalog.add(WorkspaceInfo.named("third")));
        waitUntil(() -> catalog.getWorkspaceByName("second") != null && catalog.getWorkspaceByName("third") != null);
        disk.release.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        third.get(10, TimeUnit.SECONDS);
        assertEquals(2, disk.syncs, "the first change alone, then the two that waited behind it together");
        assertEquals(disk.written, told);
        for (int i = 1; i < told.size(); i++) {
            assertTrue(told.get(i).sequence() > told.get(i - 1).sequence(), "commit order: " + told);
        }
    }

    @Test
    void aFailedWriteUndoesEveryWaitingChangeNewestFirst() throws Exception {
        disk.failing = true;
        Future<WorkspaceInfo> workspace = writers.submit(() -> catalog.add(WorkspaceInfo.named("sf")));
        assertTrue(disk.syncing.await(10, TimeUnit.SECONDS));
        // A store in the workspace still waiting: it must go with it.
        Future<DataStoreInfo> store = writers.submit(() -> {
            DataStoreInfo s = new DataStoreInfo();
            s.setName("roads");
            s.setWorkspace(catalog.getWorkspaceByName("sf").getId());
            return catalog.add(s);
        });
        waitUntil(() -> catalog.getStoreByName("sf", "roads", DataStoreInfo.class) != null);
        disk.release.countDown();
        for (Future<?> refused : List.of(workspace, store)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
            CatalogException cause = (CatalogException) e.getCause();
            assertEquals(CatalogException.Reason.PERSISTENCE, cause.reason());
            assertTrue(cause.getMessage().contains("disk full"), cause.getMessage());
        }
        assertNull(catalog.getWorkspaceByName("sf"));
        assertNull(catalog.getNamespaceByPrefix("sf"));
        assertTrue(catalog.list(DataStoreInfo.class).isEmpty());
        assertTrue(told.isEmpty(), "listeners hear only of written changes");
        assertEquals(4, disk.discarded.size(), "the planned files of both changes are dropped");
        assertTrue(disk.planned.isEmpty());
        disk.failing = false;
        disk.blocking = false;
        WorkspaceInfo again = catalog.add(WorkspaceInfo.named("sf"));
        assertEquals(1, told.get(0).sequence(), "numbering takes up where the undone changes began");
        assertNotNull(catalog.getById(again.getId()));
    }

    @Test
    void aChangeFromAnotherNodeWaitsUntilLocalChangesAreTold() throws Exception {
        WorkspaceInfo ws = WorkspaceInfo.named("shared");
        Future<WorkspaceInfo> local = writers.submit(() -> catalog.add(ws));
        assertTrue(disk.syncing.await(10, TimeUnit.SECONDS));
        AtomicBoolean localToldFirst = new AtomicBoolean();
        WorkspaceInfo remote = WorkspaceInfo.named("renamed");
        remote.setId(catalog.getWorkspaceByName("shared").getId());
        Future<List<ChangeEvent>> fromPeer = writers.submit(() -> catalog.apply(Change.save(remote).from("node-b").onlyIf(() -> {
            // The applier's "is it newer?" compares against what the capture recorded of the local change.
            localToldFirst.set(told.stream().anyMatch(e -> e.isLocal() && e.info().getId().equals(remote.getId())));
            return true;
        })));
        Thread.sleep(200);
        assertFalse(fromPeer.isDone(), "waits while the local change is not on disk");
        disk.release.countDown();
        local.get(10, TimeUnit.SECONDS);
        assertEquals(1, fromPeer.get(10, TimeUnit.SECONDS).size());
        assertTrue(localToldFirst.get());
        assertEquals("renamed", catalog.getById(remote.getId(), WorkspaceInfo.class).getName());
    }

    @Test
    void aListenerFlushesOnceForTheChangesToldTogether() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        catalog.addListener(new CatalogListener() {
            @Override
            public void changed(ChangeEvent event) {
                calls.add("changed");
            }

            @Override
            public void flush() {
                calls.add("flush");
            }
        });
        disk.blocking = false;
        catalog.add(WorkspaceInfo.named("one"));
        assertEquals(List.of("changed", "changed", "changed", "flush"), calls, "a workspace, its namespace, the defaults, then one flush");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(5);
        }
    }
}
