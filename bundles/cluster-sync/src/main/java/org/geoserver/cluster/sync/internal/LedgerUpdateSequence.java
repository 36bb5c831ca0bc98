package org.geoserver.cluster.sync.internal;

import java.time.Instant;
import java.util.Collection;
import org.geoserver.cluster.api.HybridLogicalClock;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.geoserver.cluster.catalog.api.UpdateSequence;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The cluster-wide update sequence: a function of the versions this node's ledger holds (the last
 * version of every object changed through the cluster, removed objects included), so that nodes
 * holding the same versions report the same value whatever order the changes reached them in.
 *
 * <p>The value is the sum, over every object id the ledger knows, of the weight of its version:
 * {@value #STEPS} per millisecond of its hybrid logical time since 2026-01-01T00:00:00Z, plus its
 * logical counter up to {@value #STEPS}&nbsp;-&nbsp;1. Applying a change either adds an object id
 * (weight added) or replaces its version by a later one. A later version with a later millisecond
 * weighs at least one step more, whatever its counter; one in the same millisecond weighs one step
 * more per counter step, up to {@value #STEPS}&nbsp;-&nbsp;1 changes of one object within one
 * millisecond. So every applied change increases the value, including a removal and a change whose
 * time is older than the latest one here (it replaces that object's own older version), except a
 * change that wins over the known version only by its origin's name (two nodes' changes of the same
 * object at the same hybrid logical time), and a resync's repair of an object whose version is
 * already held (a drift), which changes no version. The sum saturates at {@link Long#MAX_VALUE} (reached
 * by a million versions held in 2044). It is not a count of changes.
 */
@Component(service = UpdateSequence.class)
public class LedgerUpdateSequence implements UpdateSequence {

    /** Steps per millisecond: the logical counters told apart within one millisecond. */
    static final int STEPS = 16;

    /** Milliseconds of the hybrid logical time counted from here, to keep the sum small. */
    static final long EPOCH_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final ReplicationLedger ledger;

    @Activate
    public LedgerUpdateSequence(@Reference ReplicationLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public long current() {
        return of(ledger.versions().values());
    }

    /** The update sequence of a set of versions, one per object id. */
    static long of(Collection<Version> versions) {
        long sum = 0;
        for (Version version : versions) {
            long weight = weight(version);
            long next = sum + weight;
            // Overflow of a positive weight: stay at the largest value rather than wrap around.
            if (weight > 0 && next < sum) {
                return Long.MAX_VALUE;
            }
            sum = next;
        }
        return sum;
    }

    static long weight(Version version) {
        long millis = HybridLogicalClock.millis(version.timestamp()) - EPOCH_MILLIS;
        return millis * STEPS + Math.min(HybridLogicalClock.counter(version.timestamp()), STEPS - 1);
    }
}
