package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.PERSISTENCE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogPersistence;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts local changes on disk together, outside the catalog's lock. The catalog queues a change
 * under its lock once applied in memory and its files planned; its writer then waits here, and the
 * first waiting writer carries out every queued change with one {@link CatalogPersistence#sync},
 * tells the listeners in commit order and answers them all. When the sync fails, every queued change
 * is undone, newest first (a later one may build on an earlier one), and each writer is refused.
 *
 * <p>Crash contract: a change is answered only once its files and its listeners' records (the
 * outbox) are durable; a change not yet answered may be on disk or not, never half of one file.
 */
final class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** A local change applied in memory, not on disk yet. */
    static final class Pending {
        private final List<ChangeEvent> events;
        private final Runnable undo;
        private final Object what;
        /** Set once, while the writers' turn is held; read by the writer after it. */
        private volatile boolean done;
        private volatile Exception failure;

        private Pending(List<ChangeEvent> events, Runnable undo, Object what) {
            this.events = events;
            this.undo = undo;
            this.what = what;
        }
    }

    private final Lock catalogLock;
    private final Supplier<CatalogPersistence> persistence;
    private final CatalogListeners listeners;
    private final LongConsumer sequenceReset;
    /** Guarded by {@link #catalogLock}. */
    private final ArrayDeque<Pending> queued = new ArrayDeque<>();
    /** The writers' turn: held across the disk writes, which only writers waiting for their own change wait for. */
    private final Object turn = new Object();

    /**
     * @param catalogLock the catalog's write lock
     * @param sequenceReset takes the catalog's sequence back to the value given, after an undo
     */
    GroupCommit(Lock catalogLock, Supplier<CatalogPersistence> persistence, CatalogListeners listeners, LongConsumer sequenceReset) {
        this.catalogLock = catalogLock;
        this.persistence = persistence;
        this.listeners = listeners;
        this.sequenceReset = sequenceReset;
    }

    /** Queues a change; the caller holds the catalog's lock and then calls {@link #await} without it. */
    Pending queue(List<ChangeEvent> events, Runnable undo, Object what) {
        Pending pending = new Pending(events, undo, what);
        queued.add(pending);
        return pending;
    }

    /** True when no change waits; the caller holds the catalog's lock. */
    boolean isEmpty() {
        return queued.isEmpty();
    }

    /** Returns once the change is durable and told to the listeners; refuses it when it could not be written (and was undone). */
    void await(Pending pending) {
        synchronized (turn) {
            if (!pending.done) {
                commitQueued();
            }
        }
        Exception failure = pending.failure;
        if (failure != null) {
            throw new CatalogException(PERSISTENCE, "could not write " + pending.what + ": " + failure.getMessage(), failure);
        }
    }

    /** Carries out whatever is queued; a failure is answered to the changes' writers. */
    void drain() {
        synchronized (turn) {
            commitQueued();
        }
    }

    private void commitQueued() {
        List<Pending> batch;
        catalogLock.lock();
        try {
            batch = new ArrayList<>(queued);
        } finally {
            catalogLock.unlock();
        }
        if (batch.isEmpty()) {
            return;
        }
        CatalogPersistence writer = persistence.get();
        try {
            if (writer != null) {
                writer.sync();
            }
        } catch (Exception e) {
            undoQueued(writer, e);
            return;
        }
        for (Pending pending : batch) {
            listeners.changed(pending.events);
        }
        listeners.flush();
        catalogLock.lock();
        try {
            // Only now: a change from another node waits for an empty queue, so it compares against what the listeners recorded.
            for (int i = 0; i < batch.size(); i++) {
                queued.removeFirst();
            }
        } finally {
            catalogLock.unlock();
        }
        for (Pending pending : batch) {
            pending.done = true;
        }
    }

    /** Undoes every queued change, newest first, and drops their file operations still planned. */
    private void undoQueued(CatalogPersistence writer, Exception cause) {
        catalogLock.lock();
        try {
            List<Pending> all = new ArrayList<>(queued);
            queued.clear();
            List<ChangeEvent> events = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0; i--) {
                all.get(i).undo.run();
                events.addAll(all.get(i).events);
            }
            sequenceReset.accept(all.get(0).events.get(0).sequence() - 1);
            if (writer != null) {
                writer.discard(events);
            }
            LOG.error("Undid {} changes not written, from {} on: {}", all.size(), all.get(0).what, cause.getMessage());
            for (Pending pending : all) {
                pending.failure = cause;
                pending.done = true;
            }
        } finally {
            catalogLock.unlock();
        }
    }
}
