package org.geoserver.cluster.datadir.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.files.AtomicFiles;

/**
 * File operations planned in order (those of one change, or of a batch of changes), then carried
 * out. A run of consecutive writes to different files (a large change: an installed snapshot, a
 * recursive removal; a batch of changes from other nodes) is written by several threads, since each
 * atomic write waits for the disk ({@link AtomicFiles#write} forces the file before its rename) and
 * the disk takes concurrent requests together. Moves and deletions keep their place in the order,
 * so every write still finds the folders as the sequence leaves them.
 */
final class FilePlan {

    /** Below this many writes in a run, threads cost more than they save. */
    private static final int PARALLEL_RUN = 16;
    private static final int THREADS = 8;

    private interface Operation {
        void run() throws IOException;

        /** The file a write replaces; null for a move or deletion. */
        default Path written() {
            return null;
        }

        /** The folders whose entries the operation changes. */
        List<Path> folders();
    }

    private record Write(Path file, Supplier<byte[]> content, ChangeEvent event) implements Operation {
        @Override
        public void run() throws IOException {
            AtomicFiles.write(file, content.get());
        }

        @Override
        public Path written() {
            return file;
        }

        @Override
        public List<Path> folders() {
            return List.of(file.getParent());
        }
    }

    private record Step(String what, IoAction action, ChangeEvent event, List<Path> folders) implements Operation {
        @Override
        public void run() throws IOException {
            action.run();
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private final List<Operation> operations = new ArrayList<>();
    /** Folders changed by operations carried out, not synced yet (kept across a failed run). */
    private final Set<Path> unsyncedFolders = new LinkedHashSet<>();
    private ChangeEvent current;

    /** Threads for the runs of writes: up to {@link #THREADS}, each ending when idle for a while. */
    static ExecutorService writers() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "geoserver-datadir-writer");
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The event the following operations belong to, for error messages. */
    void event(ChangeEvent event) {
        this.current = event;
    }

    void write(Path file, Supplier<byte[]> content) {
        operations.add(new Write(file, content, current));
    }

    void move(Path source, Path target) {
        operations.add(new Step("move " + source + " to " + target, () -> AtomicFiles.move(source, target), current, List.of(source.getParent(), target.getParent(), target)));
    }

    void delete(Path path) {
        operations.add(new Step("delete " + path, () -> AtomicFiles.delete(path), current, List.of(path.getParent())));
    }

    /** Leaves out the operations of these events (compared by identity) not carried out yet. */
    void discard(List<ChangeEvent> events) {
        Set<ChangeEvent> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        dropped.addAll(events);
        operations.removeIf(operation -> dropped.contains(operation instanceof Write w ? w.event() : ((Step) operation).event()));
    }

    /** Appends the operations of a later plan. */
    void addAll(FilePlan later) {
        operations.addAll(later.operations);
    }

    boolean isEmpty() {
        return operations.isEmpty();
    }

    int size() {
        return operations.size();
    }

    /**
     * Carries the operations out in order, each leaving the plan once done. At the first failure it
     * stops, naming the event and file; the plan then holds what is left, the failed operation
     * first, to be carried out again (every operation can be repeated). A write of a file that a
     * later write replaces, with only writes between them, is left out: the later content is the
     * one that counts. Then the folders the operations changed are synced.
     */
    void execute(Path root, ExecutorService writers) throws IOException {
        dropReplacedWrites();
        operations.forEach(operation -> unsyncedFolders.addAll(operation.folders()));
        int i = 0;
        try {
            while (i < operations.size()) {
                int end = endOfWriteRun(i);
                if (end - i >= PARALLEL_RUN) {
                    runInParallel(operations.subList(i, end), writers, root);
                    i = end;
                } else {
                    run(operations.get(i), root);
                    i++;
                }
            }
        } finally {
            operations.subList(0, i).clear();
        }
        syncFolders(root, writers);
    }

    /**
     * Puts the folders' entries on disk: a rename, creation or deletion is durable only once its
     * folder is synced, and each folder is synced once per plan (a batch, a snapshot) however many
     * of its files changed.
     */
    private void syncFolders(Path root, ExecutorService writers) throws IOException {
        List<Operation> syncs = new ArrayList<>(unsyncedFolders.size());
        for (Path folder : unsyncedFolders) {
            syncs.add(new Step("sync " + folder, () -> AtomicFiles.syncFolder(folder), null, List.of()));
        }
        if (syncs.size() >= PARALLEL_RUN) {
            runInParallel(syncs, writers, root);
        } else {
            for (Operation sync : syncs) {
                run(sync, root);
            }
        }
        unsyncedFolders.clear();
    }

    /** Leaves out each write that a later write of the same file replaces before any move or deletion. */
    private void dropReplacedWrites() {
        Set<Path> writtenLater = new HashSet<>();
        List<Operation> kept = new ArrayList<>(operations.size());
        for (int i = operations.size() - 1; i >= 0; i--) {
            Operation operation = operations.get(i);
            Path file = operation.written();
            if (file == null) {
                writtenLater.clear();
            } else if (!writtenLater.add(file)) {
                continue;
            }
            kept.add(operation);
        }
        if (kept.size() < operations.size()) {
            Collections.reverse(kept);
            operations.clear();
            operations.addAll(kept);
        }
    }

    /** The end of the run of writes starting at {@code start}, each to a file not written before in the run. */
    private int endOfWriteRun(int start) {
        Set<Path> files = new HashSet<>();
        int end = start;
        while (end < operations.size() && operations.get(end).written() != null && files.add(operations.get(end).written())) {
            end++;
        }
        return end;
    }

    private static void run(Operation operation, Path root) throws IOException {
        try {
            operation.run();
        } catch (IOException | UncheckedIOException e) {
            ChangeEvent event = operation instanceof Write w ? w.event() : ((Step) operation).event();
            String target = operation instanceof Write w ? w.file().toString() : ((Step) operation).what();
            throw new IOException((event == null ? "A file" : event.toString()) + " could not be written to " + root + " (" + target + "): " + e, e);
        }
    }

    private static void runInParallel(List<Operation> run, ExecutorService pool, Path root) throws IOException {
        List<Future<?>> futures = new ArrayList<>(run.size());
        for (Operation operation : run) {
            futures.add(pool.submit(() -> {
                run(operation, root);
                return null;
            }));
        }
        IOException first = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof IOException io ? io : new IOException(e.getCause().toString(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing to " + root, e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
