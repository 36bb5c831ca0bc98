package org.geoserver.cluster.applier.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.DurableFiles;
import org.geoserver.cluster.api.InvalidEventException;

/**
 * Events kept in a folder, one file each in arrival order, with a text file saying why: the
 * deferred events (waiting for references) and the failed ones (kept for an operator to inspect).
 * The folder is read once, when the store opens; after that the store knows what it holds. A
 * forgotten event (one applied with a batch whose files are written later) stays on disk until
 * {@link #deleteForgotten()}, so that a crash in between leaves it to be applied again.
 */
final class EventStore {

    /** An event kept, with where it is. */
    record Kept(Path file, ClusterEvent event) {}

    private static final String SUFFIX = ".event";

    private final Path directory;
    private final ClusterEventCodec codec = new ClusterEventCodec("");
    /** What the folder holds and is not forgotten, by file name, so in arrival order. */
    private final TreeMap<Path, Kept> kept = new TreeMap<>();
    /** Forgotten, with their files still to delete. */
    private final List<Kept> forgotten = new ArrayList<>();
    /** Kept since the last {@link #sync()}. */
    private final List<Path> unsynced = new ArrayList<>();
    private long counter;

    EventStore(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                try {
                    kept.put(file, new Kept(file, codec.decode(Files.readAllBytes(file))));
                } catch (InvalidEventException e) {
                    throw new IOException("kept event " + file + " cannot be read: " + e.getMessage(), e);
                }
                counter = Math.max(counter, Long.parseLong(file.getFileName().toString().split("-", 2)[0]));
            }
        }
    }

    synchronized Path keep(ClusterEvent event, String reason) throws IOException {
        String name = String.format("%012d-%s-%d", ++counter, event.origin().replaceAll("[^A-Za-z0-9._-]", "_"), event.sequence());
        Path file = directory.resolve(name + SUFFIX);
        Path temp = directory.resolve(name + ".tmp");
        Files.write(temp, codec.encode(event));
        Files.writeString(directory.resolve(name + ".txt"), event + "\n" + reason + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        kept.put(file, new Kept(file, event));
        unsynced.add(file);
        return file;
    }

    synchronized List<Kept> list() {
        return List.copyOf(kept.values());
    }

    /** Forgets the event now; its files go with {@link #deleteForgotten()}. */
    synchronized void forgetLater(Kept event) {
        if (kept.remove(event.file()) != null) {
            forgotten.add(event);
        }
    }

    synchronized void deleteForgotten() throws IOException {
        while (!forgotten.isEmpty()) {
            delete(forgotten.get(0));
            forgotten.remove(0);
        }
    }

    /**
     * Puts the events kept since the last call on disk, with the folder's entries: the applier
     * calls it before the ledger counts them as handled, so that a power failure cannot lose an
     * event the ledger says was handled.
     */
    synchronized void sync() throws IOException {
        if (unsynced.isEmpty()) {
            return;
        }
        for (Path file : unsynced) {
            DurableFiles.force(file); // a file an operator removed since is skipped
        }
        DurableFiles.syncFolder(directory);
        unsynced.clear();
    }

    private static void delete(Kept event) throws IOException {
        Files.deleteIfExists(event.file());
        String name = event.file().getFileName().toString();
        Files.deleteIfExists(event.file().resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".txt"));
    }

    synchronized int size() {
        return kept.size();
    }

    Path directory() {
        return directory;
    }
}
