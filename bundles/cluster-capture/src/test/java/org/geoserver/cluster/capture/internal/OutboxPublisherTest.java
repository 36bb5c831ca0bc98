package org.geoserver.cluster.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.EventTransport;
import org.geoserver.cluster.api.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxPublisherTest {

    @TempDir
    Path data;

    /** A transport that fails the first {@code failures} sends. */
    static final class RecordingTransport implements EventTransport {
        final List<Long> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger failures;

        RecordingTransport(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public void publish(ClusterEvent event) throws TransportException {
            if (failures.getAndDecrement() > 0) {
                throw new TransportException("broker unreachable", null);
            }
            sent.add(event.sequence());
        }

        @Override
        public void publishStatus(org.geoserver.cluster.api.NodeStatus status) {}

        @Override
        public AutoCloseable subscribeStatus(org.geoserver.cluster.api.StatusListener listener) {
            return () -> { };
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public String describe() {
            return "test transport";
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void eventsWaitForATransportAndThenLeaveInOrder() throws Exception {
        FileOutbox outbox = new FileOutbox(data);
        OutboxPublisher publisher = new OutboxPublisher(outbox);
        try {
            for (int i = 0; i < 5; i++) {
                outbox.append(FileOutboxTest::event);
            }
            Thread.sleep(300);
            assertEquals(5, outbox.size(), "nothing leaves without a transport");
            RecordingTransport transport = new RecordingTransport(2);
            publisher.setTransport(transport);
            await("the outbox to empty", () -> outbox.size() == 0);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), transport.sent, "in order, each exactly once, after two failed attempts");

            publisher.unsetTransport(transport);
            outbox.append(FileOutboxTest::event);
            Thread.sleep(300);
            assertEquals(1, outbox.size(), "a transport going away (bundle:update) leaves events in the outbox");
            RecordingTransport replacement = new RecordingTransport(0);
            publisher.setTransport(replacement);
            await("the replacement to send", () -> outbox.size() == 0);
            assertEquals(List.of(6L), replacement.sent);
        } finally {
            publisher.deactivate();
        }
    }
}
