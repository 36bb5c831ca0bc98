package org.geoserver.cluster.applier.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.geoserver.cluster.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node has joined its cluster, kept as the file {@code joined} in the state folder
 * (its content says how). A node joins once: the first time it starts without configuration or
 * history of its own it is joining until it installs a peer's snapshot or finds it is the first.
 * Decided when first asked, once the node's resources are there to say whether they hold
 * configuration (a data directory adopted by the first node counts as history).
 */
final class JoinMarker {

    private static final Logger LOG = LoggerFactory.getLogger(JoinMarker.class);

    private final Path marker;
    private final BooleanSupplier holdsConfigurationOrHistory;
    /** Null until decided; guarded by this. */
    private Boolean joining;

    JoinMarker(Path clusterDirectory, BooleanSupplier holdsConfigurationOrHistory) {
        this.marker = clusterDirectory.resolve("joined");
        this.holdsConfigurationOrHistory = holdsConfigurationOrHistory;
    }

    synchronized boolean joining() {
        if (joining == null) {
            if (Files.exists(marker)) {
                joining = false;
            } else if (holdsConfigurationOrHistory.getAsBoolean()) {
                mark("it started with configuration of its own");
            } else {
                joining = true;
                LOG.info("This node starts without configuration of its own: it takes a peer's snapshot before it applies their single events");
            }
        }
        return joining;
    }

    /** Ends the joining; true when it was joining. */
    synchronized boolean joined(String how) {
        boolean was = joining();
        if (was) {
            mark(how);
            LOG.info("Joined the cluster: {}", how);
        }
        return was;
    }

    private void mark(String how) {
        joining = false;
        try {
            AtomicFiles.writeDurably(marker, (how + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Joined all the same; the next start decides again from what the node then holds.
            LOG.warn("Could not write {}: {}", marker, e.getMessage());
        }
    }
}
