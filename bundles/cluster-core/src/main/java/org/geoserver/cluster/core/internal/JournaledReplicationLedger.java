package org.geoserver.cluster.core.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.api.StateFolder;
import org.geoserver.cluster.files.AtomicFiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger in memory, with every update appended to a journal under
 * {@code ledger} in the state folder (the operating system keeps appended lines through a crash of
 * the process), or, for changes whose files are written later, appended once they are written; a
 * stop drops lines still held, since the broker delivers their events again. The journal is
 * compacted into a snapshot at every start. Lines are
 * {@code v <timestamp> <origin> <objectId>} and {@code s <sequence> <origin>}; names hold no spaces.
 */
@Component(service = ReplicationLedger.class)
public class JournaledReplicationLedger implements ReplicationLedger {

    private static final Logger LOG = LoggerFactory.getLogger(JournaledReplicationLedger.class);

    private final Map<String, Version> versions = new ConcurrentHashMap<>();
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final Path journal;
    private BufferedWriter writer;
    /** Journal lines of {@link #advanceHeld} and {@link #handledHeld} not written yet; guarded by this. */
    private final StringBuilder held = new StringBuilder();

    @Activate
    public JournaledReplicationLedger(@Reference StateFolder state) {
        Path clusterDirectory = state.path();
        this.journal = clusterDirectory.resolve("ledger");
        try {
            Files.createDirectories(clusterDirectory);
            if (Files.exists(journal)) {
                replay(Files.readAllLines(journal, StandardCharsets.UTF_8));
            }
            compact();
            writer = Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the replication ledger " + journal, e);
        }
    }

    private void replay(List<String> lines) {
        int line = 0;
        for (String entry : lines) {
            line++;
            String[] parts = entry.split(" ", 4);
            try {
                if (parts[0].equals("v") && parts.length == 4) {
                    versions.merge(parts[3], new Version(Long.parseLong(parts[1]), parts[2]), JournaledReplicationLedger::later);
                } else if (parts[0].equals("s") && parts.length == 3) {
                    sequences.merge(parts[2], Long.parseLong(parts[1]), Math::max);
                } else if (!entry.isEmpty()) {
                    LOG.warn("Ignoring line {} of {}: {}", line, journal, entry);
                }
            } catch (NumberFormatException e) {
                // The last line of a journal cut by a crash may be incomplete.
                LOG.warn("Ignoring line {} of {}: {}", line, journal, entry);
            }
        }
    }

    /** Rewrites the journal as one line per origin and per object; a crash meanwhile leaves the old journal. */
    private void compact() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Long> entry : new TreeMap<>(sequences).entrySet()) {
            lines.append("s ").append(entry.getValue()).append(' ').append(entry.getKey()).append('\n');
        }
        for (Map.Entry<String, Version> entry : versions.entrySet()) {
            lines.append("v ").append(entry.getValue().timestamp()).append(' ').append(entry.getValue().origin()).append(' ').append(entry.getKey()).append('\n');
        }
        AtomicFiles.writeDurably(journal, lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Version later(Version a, Version b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Deactivate
    synchronized void close() throws IOException {
        writer.close();
    }

    @Override
    public Optional<Version> version(String objectId) {
        return Optional.ofNullable(versions.get(objectId));
    }

    @Override
    public void advance(String objectId, Version version) {
        advance(objectId, version, false);
    }

    @Override
    public void advanceHeld(String objectId, Version version) {
        advance(objectId, version, true);
    }

    private void advance(String objectId, Version version, boolean hold) {
        Version result = versions.merge(objectId, version, JournaledReplicationLedger::later);
        if (result == version) {
            append("v " + version.timestamp() + " " + version.origin() + " " + objectId + "\n", hold);
        }
    }

    @Override
    public long lastSequence(String origin) {
        return sequences.getOrDefault(origin, 0L);
    }

    @Override
    public void handled(String origin, long sequence) {
        handled(origin, sequence, false);
    }

    @Override
    public void handledHeld(String origin, long sequence) {
        handled(origin, sequence, true);
    }

    private void handled(String origin, long sequence, boolean hold) {
        if (sequences.merge(origin, sequence, Math::max) == sequence) {
            append("s " + sequence + " " + origin + "\n", hold);
        }
    }

    @Override
    public synchronized void keepHeld() {
        if (held.length() > 0) {
            String lines = held.toString();
            held.setLength(0);
            append(lines, false);
        }
    }

    @Override
    public Map<String, Long> progress() {
        return Map.copyOf(sequences);
    }

    @Override
    public Map<String, Version> versions() {
        return Map.copyOf(versions);
    }

    @Override
    public int versionCount() {
        return versions.size();
    }

    @Override
    public synchronized void merge(Map<String, Version> otherVersions, Map<String, Long> otherProgress) {
        try {
            for (Map.Entry<String, Long> entry : otherProgress.entrySet()) {
                if (sequences.merge(entry.getKey(), entry.getValue(), Math::max).equals(entry.getValue())) {
                    writer.write("s " + entry.getValue() + " " + entry.getKey() + "\n");
                }
            }
            for (Map.Entry<String, Version> entry : otherVersions.entrySet()) {
                Version version = entry.getValue();
                if (versions.merge(entry.getKey(), version, JournaledReplicationLedger::later) == version) {
                    writer.write("v " + version.timestamp() + " " + version.origin() + " " + entry.getKey() + "\n");
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the replication ledger " + journal, e);
        }
    }

    private synchronized void append(String line, boolean hold) {
        if (hold) {
            held.append(line);
            return;
        }
        try {
            writer.write(line);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the replication ledger " + journal, e);
        }
    }
}
