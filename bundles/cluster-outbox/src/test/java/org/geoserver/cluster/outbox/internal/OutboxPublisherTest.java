package org.geoserver.cluster.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.testing.TestEventTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxPublisherTest {

    @TempDir
    Path data;

    private static List<Long> sequences(TestEventTransport transport) {
        return transport.events.stream().map(ClusterEvent::sequence).toList();
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
        FileOutbox outbox = new FileOutbox(() -> data);
        OutboxPublisher publisher = new OutboxPublisher(outbox);
        try {
            for (int i = 0; i < 5; i++) {
                outbox.append(FileOutboxTest::event);
            }
            Thread.sleep(300);
            assertEquals(5, outbox.size(), "nothing leaves without a transport");
            TestEventTransport transport = new TestEventTransport(2);
            publisher.setTransport(transport);
            await("the outbox to empty", () -> outbox.size() == 0);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sequences(transport), "in order, each exactly once, after two failed attempts");

            publisher.unsetTransport(transport);
            outbox.append(FileOutboxTest::event);
            Thread.sleep(300);
            assertEquals(1, outbox.size(), "a transport going away (bundle:update) leaves events in the outbox");
            TestEventTransport replacement = new TestEventTransport(0);
            publisher.setTransport(replacement);
            await("the replacement to send", () -> outbox.size() == 0);
            assertEquals(List.of(6L), sequences(replacement));
        } finally {
            publisher.deactivate();
        }
    }
}
