package org.geoserver.cluster.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.ConfigurationSnapshots.InstallReport;
import org.geoserver.cluster.api.ReplicationLedger.Version;

/**
 * One kind of replicated configuration (the catalog, users and roles, tile layers, ...), registered
 * as a service with its {@link ResourceKind}. The core (applier, digest exchange, resync) reaches a
 * kind only through this interface, so a new kind is a new bundle. A kind captures its own local
 * changes: it appends events naming its kind to the {@link Outbox}.
 *
 * <p>Contract: object ids are unique across kinds (the ledger keeps one version per id); a kind
 * other than {@link ClusterEvent#CATALOG} therefore starts its ids with its name and a colon. Digest
 * keys are {@code "type id"}, and a kind's types are its own (no two kinds share a type).
 */
public interface ReplicatedResource {

    /** What became of an event. */
    enum Outcome {
        /** The change is made (it is durable after the next {@link #sync}). */
        APPLIED,
        /** Nothing changed: the object's version here is as late or later. */
        NOT_NEWER,
        /** Not yet: objects it refers to are missing; the applier keeps it and tries again. */
        WAITING,
        /** Never: the event is malformed or contradicts this kind's rules; the applier keeps it for inspection. */
        REFUSED
    }

    /** An outcome, with the reason for {@link Outcome#WAITING} and {@link Outcome#REFUSED}. */
    record Applied(Outcome outcome, String reason) {
        public static final Applied APPLIED = new Applied(Outcome.APPLIED, null);
        public static final Applied NOT_NEWER = new Applied(Outcome.NOT_NEWER, null);

        public static Applied waiting(String reason) {
            return new Applied(Outcome.WAITING, reason);
        }

        public static Applied refused(String reason) {
            return new Applied(Outcome.REFUSED, reason);
        }
    }

    /**
     * Applies an event of this kind made on another node, idempotently, marked with its origin so
     * that it is not captured again. The change is made only while {@code newer} says the event's
     * version is later than the object's: the resource asks it at the moment it would change the
     * object, under its own lock, so that concurrent versions resolve the same way on every node.
     *
     * @throws IOException when the change could not be written; the event is delivered again
     */
    Applied apply(ClusterEvent event, BooleanSupplier newer) throws IOException;

    /** Makes durable what {@link #apply} and {@link #install} changed since the last call. */
    void sync() throws IOException;

    /** One digest per object, keyed {@code "type id"}, equal on two nodes exactly when the object's content is. */
    Map<String, String> digests();

    /** Every object of this kind as it is now, for a snapshot. */
    List<SnapshotObject> export();

    /**
     * Makes this kind's objects those of a snapshot, merged object by object: an object keeps its
     * local state only when its local version is later than the snapshot's; every other object,
     * drifted ones included, takes the snapshot's state (a removal when the snapshot lacks it).
     *
     * @param objects the snapshot's objects of this kind
     * @param versions the snapshot's versions (of every kind)
     * @param localVersions this node's versions (of every kind)
     * @param origin the node the snapshot comes from
     * @throws IOException when it could not be installed; then nothing of this kind changed
     */
    InstallReport install(List<SnapshotObject> objects, Map<String, Version> versions, Map<String, Version> localVersions, String origin)
            throws IOException;

    /**
     * True when it holds configuration of its own, beyond what a new data directory starts with: a
     * node whose resources hold none joins its cluster by taking a peer's snapshot first.
     */
    default boolean holdsConfiguration() {
        return !digests().isEmpty();
    }
}
