package org.geoserver.cluster.api;

import java.util.Map;
import java.util.Optional;

/**
 * What this node knows of the replication: the version (hybrid logical time and origin) of the last
 * change of every object, removals included, so that concurrent edits resolve the same way on
 * every node (later version wins, ties go to the greater instance name); and the last event handled
 * per origin, so that a repeated event is skipped. Kept across restarts and crashes.
 */
public interface ReplicationLedger {

    /** The version of one change: later timestamp wins, then the greater origin name. */
    record Version(long timestamp, String origin) implements Comparable<Version> {
        @Override
        public int compareTo(Version other) {
            int byTime = Long.compare(timestamp, other.timestamp);
            return byTime != 0 ? byTime : origin.compareTo(other.origin);
        }
    }

    Optional<Version> version(String objectId);

    /** True when no version is known for the object or the candidate is later than the known one. */
    default boolean isNewer(String objectId, Version candidate) {
        return version(objectId).map(known -> candidate.compareTo(known) > 0).orElse(true);
    }

    /** Records a version, keeping the later of it and the known one. */
    void advance(String objectId, Version version);

    /** The highest sequence handled from an origin, 0 when none. */
    long lastSequence(String origin);

    /** Records that an origin's event was handled (applied, deferred or kept as failed). */
    void handled(String origin, long sequence);

    /**
     * Like {@link #advance}, for a change whose files are written after this call (a batch from
     * other nodes): known at once, but kept across a crash only from {@link #keepHeld()} on, so
     * that the ledger never outlives a change the data directory lost.
     */
    void advanceHeld(String objectId, Version version);

    /** Like {@link #handled}, kept across a crash from {@link #keepHeld()} on, as {@link #advanceHeld}. */
    void handledHeld(String origin, long sequence);

    /** Keeps what {@link #advanceHeld} and {@link #handledHeld} recorded: called once the changes are on disk. */
    void keepHeld();

    /** Last sequence handled per origin. */
    Map<String, Long> progress();

    /** Every known version, by object id. */
    Map<String, Version> versions();

    /** How many versions are known: the size of this node's replication history. */
    int versionCount();

    /** Takes over another node's knowledge (a snapshot): keeps the later of each version and sequence. */
    void merge(Map<String, Version> versions, Map<String, Long> progress);
}
