package org.geoserver.cluster.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of other nodes the applier keeps aside, for an operator to inspect, retry or discard:
 * deferred ones wait for objects they reference, failed ones cannot be applied. Both survive
 * restarts. Retrying applies an event as it would have been applied on arrival (a change older
 * than the object's version here is skipped); discarding forgets it for good.
 */
public interface KeptEvents {

    /** Why an event is kept. */
    enum Kind {
        DEFERRED,
        FAILED
    }

    /**
     * An event kept aside.
     *
     * @param id stable for as long as it is kept, e.g. {@code 000000000012-node-a-345}
     * @param reason why it is kept (the last attempt's reason)
     * @param keptAt when it was kept, in milliseconds since the epoch
     */
    record KeptEvent(String id, Kind kind, ClusterEvent event, String reason, long keptAt) {}

    /** What a retry came to: the event applied (or was older than the object here), waits again, or failed again. */
    enum RetryOutcome {
        APPLIED,
        DEFERRED,
        FAILED
    }

    /** Every kept event, deferred and failed, oldest first. */
    List<KeptEvent> kept();

    Optional<KeptEvent> kept(String id);

    /**
     * Applies a kept event again; when it applies it is no longer kept.
     *
     * @throws IllegalArgumentException when no event with that id is kept
     * @throws IOException when its outcome could not be put on disk
     */
    RetryOutcome retry(String id) throws IOException;

    /**
     * Applies every kept event again, oldest first.
     *
     * @return each event's outcome by id, in that order (one applied along with an earlier one is APPLIED)
     * @throws IOException when an outcome could not be put on disk
     */
    Map<String, RetryOutcome> retryAll() throws IOException;

    /**
     * Forgets a kept event without applying it.
     *
     * @return false when no event with that id is kept
     */
    boolean discard(String id) throws IOException;
}
