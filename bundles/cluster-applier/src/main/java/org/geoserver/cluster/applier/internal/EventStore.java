package org.geoserver.cluster.applier.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.InvalidEventException;
import org.geoserver.cluster.files.AtomicFiles;

/**
 * Events kept in a folder, one file each in arrival order, with a text file saying why: the
 * deferred events (waiting for references) and the failed ones (kept for an operator to inspect).
 * The folder is read once, when the store opens; after that the store knows what it holds. A
 * forgotten event (one applied with a batch whose files are written later) stays on disk until
 * {@link #deleteForgotten()}, so that a crash in between leaves it to be applied again.
 */
final class EventStore {

    /**
     * An event kept, with where it is, why and since when.
     *
     * @param keptAt milliseconds since the epoch
     */
    record Kept(Path file, ClusterEvent event, String reason, long keptAt) {

        /** The file's name without its suffix: unique in the store, and in arrival order. */
        String id() {
            String name = file.getFileName().toString();
            return name.substring(0, name.length() - SUFFIX.length());
        }
    }

    private static final String SUFFIX = ".event";

    private final Path directory;
    private final ClusterEventCodec codec = new ClusterEventCodec("");
    /** What the folder holds and is not forgotten, by file name, so in arrival order. */
    private final TreeMap<Path, Kept> kept = new TreeMap<>();
    /** Forgotten, with their files still to delete. */
    private final List<Kept> forgotten = new ArrayList<>();
    /** Whether an event was kept since the last {@link #sync()}: its name is not on disk yet. */
    private boolean unsynced;
    private long counter;

    EventStore(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                try {
                    ClusterEvent event = codec.decode(Files.readAllBytes(file));
                    kept.put(file, new Kept(file, event, reason(file), Files.getLastModifiedTime(file).toMillis()));
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
        writeReason(file, event, reason);
        AtomicFiles.write(file, codec.encode(event));
        kept.put(file, new Kept(file, event, reason, System.currentTimeMillis()));
        unsynced = true;
        return file;
    }

    /** Records a new reason for an event still kept (a retry came to the same outcome for another reason). */
    synchronized void reason(Kept event, String reason) throws IOException {
        if (kept.containsKey(event.file())) {
            writeReason(event.file(), event.event(), reason);
            kept.put(event.file(), new Kept(event.file(), event.event(), reason, event.keptAt()));
        }
    }

    /** The text file beside an event: the event, then why it is kept; for people, read back only for its reason. */
    private static void writeReason(Path file, ClusterEvent event, String reason) throws IOException {
        Files.writeString(textFile(file), event + "\n" + reason + "\n", StandardCharsets.UTF_8);
    }

    private static String reason(Path file) {
        try {
            List<String> lines = Files.readAllLines(textFile(file), StandardCharsets.UTF_8);
            return lines.size() < 2 ? "" : String.join("\n", lines.subList(1, lines.size())).strip();
        } catch (IOException e) {
            return "(the reason's file " + textFile(file) + " cannot be read: " + e.getMessage() + ")";
        }
    }

    private static Path textFile(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".txt");
    }

    /** The kept event with this id, or null. */
    synchronized Kept get(String id) {
        return kept.get(directory.resolve(id + SUFFIX));
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
        if (unsynced) {
            AtomicFiles.syncFolder(directory); // each file was forced before its rename
            unsynced = false;
        }
    }

    private static void delete(Kept event) throws IOException {
        Files.deleteIfExists(event.file());
        Files.deleteIfExists(textFile(event.file()));
    }

    synchronized int size() {
        return kept.size();
    }

    Path directory() {
        return directory;
    }
}
