package org.geoserver.cluster.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Durable queue of the events this node captured and has not sent yet. An event leaves it only
 * after the transport confirmed the send, so a stopped transport or a crash loses nothing.
 */
public interface Outbox {

    /**
     * Assigns the next sequence number, builds the event with it and stores it durably, in one step
     * so that sequence order is storage order.
     */
    ClusterEvent append(LongFunction<ClusterEvent> eventForSequence) throws IOException;

    /**
     * Appends several events as {@link #append} does, in order, all durable on return: the
     * outbox may wait for the disk once for them together.
     */
    default List<ClusterEvent> appendAll(List<LongFunction<ClusterEvent>> eventsForSequences) throws IOException {
        List<ClusterEvent> appended = new ArrayList<>(eventsForSequences.size());
        for (LongFunction<ClusterEvent> eventForSequence : eventsForSequences) {
            appended.add(append(eventForSequence));
        }
        return appended;
    }

    /** The oldest event not yet sent. */
    Optional<ClusterEvent> peek() throws IOException;

    /** Removes an event after it was sent. */
    void remove(ClusterEvent event) throws IOException;

    /** Waits up to the given time for an event to be appended; returns at once when one is there. */
    void awaitEvent(long millis) throws InterruptedException;

    int size();

    /** The sequence of the last event appended since this node started, 0 when none. */
    long lastAppended();
}
