package org.geoserver.cluster.outbox.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.InvalidEventException;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.StateFolder;
import org.geoserver.cluster.files.AtomicFiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox as one file per event under {@code outbox} in the state folder, named by sequence
 * number, written to a temporary file, forced to disk and renamed (the folder synced), so that a
 * crash leaves either the whole event or nothing. Sequence numbers are reserved in blocks in a small file, so that
 * after a restart numbering goes on above every number ever handed out.
 */
@Component(service = Outbox.class)
public class FileOutbox implements Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(FileOutbox.class);
    private static final String SUFFIX = ".event";
    private static final long BLOCK = 1000;

    private final Path directory;
    private final Path reservationFile;
    private final ClusterEventCodec codec = new ClusterEventCodec("");
    /** sequence -> file, in order. Guarded by this. */
    private final TreeMap<Long, Path> pending = new TreeMap<>();
    private long nextSequence;
    private long lastAppended;
    private long reservedUpTo;

    @Activate
    public FileOutbox(@Reference StateFolder state) {
        Path clusterDirectory = state.path();
        this.directory = clusterDirectory.resolve("outbox");
        this.reservationFile = clusterDirectory.resolve("sequence-reserved");
        try {
            Files.createDirectories(directory);
            long reserved = Files.exists(reservationFile) ? Long.parseLong(Files.readString(reservationFile, StandardCharsets.UTF_8).trim()) : 0;
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(this::recover);
            }
            long highest = pending.isEmpty() ? 0 : pending.lastKey();
            nextSequence = Math.max(reserved, highest) + 1;
            reservedUpTo = nextSequence - 1;
            if (!pending.isEmpty()) {
                LOG.info("Outbox {} holds {} events not sent yet (sequences {} to {})", directory, pending.size(), pending.firstKey(), highest);
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot open the cluster outbox in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void recover(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX)) {
            pending.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), file);
        } else if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
            // A temporary file of a write that never finished: the change was not acknowledged as captured.
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean " + file, e);
            }
        }
    }

    @Override
    public ClusterEvent append(LongFunction<ClusterEvent> eventForSequence) throws IOException {
        return appendAll(List.of(eventForSequence)).get(0);
    }

    /** Each file forced before its rename, the folder synced once for them all. */
    @Override
    public synchronized List<ClusterEvent> appendAll(List<LongFunction<ClusterEvent>> eventsForSequences) throws IOException {
        long first = nextSequence;
        long last = first + eventsForSequences.size() - 1;
        if (last > reservedUpTo) {
            reserve(last + BLOCK - 1);
        }
        List<ClusterEvent> events = new ArrayList<>(eventsForSequences.size());
        TreeMap<Long, Path> written = new TreeMap<>();
        for (LongFunction<ClusterEvent> eventForSequence : eventsForSequences) {
            long sequence = first + events.size();
            ClusterEvent event = eventForSequence.apply(sequence);
            Path file = directory.resolve(String.format("%020d%s", sequence, SUFFIX));
            AtomicFiles.write(file, codec.encode(event));
            events.add(event);
            written.put(sequence, file);
        }
        AtomicFiles.syncFolder(directory);
        nextSequence = last + 1;
        lastAppended = last;
        pending.putAll(written);
        notifyAll();
        return events;
    }

    private void reserve(long upTo) throws IOException {
        AtomicFiles.writeDurably(reservationFile, Long.toString(upTo).getBytes(StandardCharsets.UTF_8));
        reservedUpTo = upTo;
    }


    @Override
    public synchronized Optional<ClusterEvent> peek() throws IOException {
        while (!pending.isEmpty()) {
            Path file = pending.firstEntry().getValue();
            try {
                return Optional.of(codec.decode(Files.readAllBytes(file)));
            } catch (InvalidEventException e) {
                // Cannot happen for files this class wrote whole; keep the file aside rather than block the queue.
                Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
                LOG.error("Outbox file {} is not a readable event ({}); moved to {}", file, e.getMessage(), aside);
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                pending.pollFirstEntry();
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void remove(ClusterEvent event) throws IOException {
        Path file = pending.remove(event.sequence());
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public synchronized void awaitEvent(long millis) throws InterruptedException {
        if (pending.isEmpty()) {
            wait(millis);
        }
    }

    @Override
    public synchronized long lastAppended() {
        return lastAppended;
    }

    @Override
    public synchronized int size() {
        return pending.size();
    }
}
