package org.geoserver.cluster.datadir.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.geoserver.cluster.catalog.api.ChangeEvent;

/**
 * File operations planned in order (those of one change, or of a batch of changes), then carried
 * out. A run of consecutive writes to different files (a large change: an installed snapshot, a
 * recursive removal; a batch of changes from other nodes) is written by several threads, since each
 * atomic write waits for the disk (a rename, and a force unless the caller forces later) and the
 * disk takes concurrent requests together. Moves and deletions keep their place in the order, so
 * every write still finds the folders as the sequence leaves them.
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
    }

    private record Write(Path file, Supplier<byte[]> content, ChangeEvent event, Set<Path> unforced) implements Operation {
        @Override
        public void run() throws IOException {
            AtomicFiles.write(file, content.get(), unforced == null);
            if (unforced != null) {
                unforced.add(file);
            }
        }

        @Override
        public Path written() {
            return file;
        }
    }

    private record Step(String what, IoAction action, ChangeEvent event) implements Operation {
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
    private final Set<Path> unforced;
    private ChangeEvent current;

    /**
     * @param unforced null to force every file to disk as it is written; else a thread-safe set that
     *     collects the files written without force, for the caller to force before it relies on them
     */
    FilePlan(Set<Path> unforced) {
        this.unforced = unforced;
    }

    /** The event the following operations belong to, for error messages. */
    void event(ChangeEvent event) {
        this.current = event;
    }

    void write(Path file, Supplier<byte[]> content) {
        operations.add(new Write(file, content, current, unforced));
    }

    void move(Path source, Path target) {
        operations.add(new Step("move " + source + " to " + target, () -> AtomicFiles.move(source, target), current));
    }

    void delete(Path path) {
        operations.add(new Step("delete " + path, () -> AtomicFiles.delete(path), current));
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
     * one that counts.
     */
    void execute(Path root) throws IOException {
        dropReplacedWrites();
        ExecutorService pool = null;
        int i = 0;
        try {
            while (i < operations.size()) {
                int end = endOfWriteRun(i);
                if (end - i >= PARALLEL_RUN) {
                    if (pool == null) {
                        pool = Executors.newFixedThreadPool(THREADS, r -> new Thread(r, "geoserver-datadir-writer"));
                    }
                    runInParallel(operations.subList(i, end), pool, root);
                    i = end;
                } else {
                    run(operations.get(i), root);
                    i++;
                }
            }
        } finally {
            operations.subList(0, i).clear();
            if (pool != null) {
                pool.shutdownNow();
            }
        }
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
            java.util.Collections.reverse(kept);
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

    /** Forces files written without force to disk, with several threads when there are many (an installed snapshot). */
    static void forceAll(List<Path> files, Path root) throws IOException {
        if (files.size() < PARALLEL_RUN) {
            for (Path file : files) {
                AtomicFiles.force(file);
            }
            return;
        }
        List<Operation> forces = new ArrayList<>(files.size());
        for (Path file : files) {
            forces.add(new Step("force " + file, () -> AtomicFiles.force(file), null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> new Thread(r, "geoserver-datadir-writer"));
        try {
            runInParallel(forces, pool, root);
        } finally {
            pool.shutdownNow();
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
