package org.geoserver.cluster.applier.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.InvalidEventException;

/**
 * Events kept in a folder, one file each in arrival order, with a text file saying why: the
 * deferred events (waiting for references) and the failed ones (kept for an operator to inspect).
 */
final class EventStore {

    /** An event kept, with where it is. */
    record Kept(Path file, ClusterEvent event) {}

    private static final String SUFFIX = ".event";

    private final Path directory;
    private final ClusterEventCodec codec = new ClusterEventCodec("");
    private long counter;

    EventStore(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        for (Kept kept : list()) {
            counter = Math.max(counter, Long.parseLong(kept.file().getFileName().toString().split("-", 2)[0]));
        }
    }

    synchronized Path keep(ClusterEvent event, String reason) throws IOException {
        String name = String.format("%012d-%s-%d", ++counter, event.origin().replaceAll("[^A-Za-z0-9._-]", "_"), event.sequence());
        Path file = directory.resolve(name + SUFFIX);
        Path temp = directory.resolve(name + ".tmp");
        Files.write(temp, codec.encode(event));
        Files.writeString(directory.resolve(name + ".txt"), event + "\n" + reason + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    synchronized List<Kept> list() throws IOException {
        List<Kept> kept = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    kept.add(new Kept(file, codec.decode(Files.readAllBytes(file))));
                } catch (InvalidEventException e) {
                    throw new IOException("kept event " + file + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
        return kept;
    }

    synchronized void forget(Kept kept) throws IOException {
        Files.deleteIfExists(kept.file());
        String name = kept.file().getFileName().toString();
        Files.deleteIfExists(kept.file().resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".txt"));
    }

    synchronized int size() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).count();
        }
    }

    Path directory() {
        return directory;
    }
}
