package org.geoserver.cluster.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geoserver.cluster.api.ClusterEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutboxTest {

    @TempDir
    Path data;

    static ClusterEvent event(long sequence) {
        return new ClusterEvent("e" + sequence, "node-a", "g", sequence, sequence * 10, ClusterEvent.Operation.ADD, "workspace", "ws" + sequence,
                "<workspace><id>ws" + sequence + "</id></workspace>", List.of(), null, false);
    }

    @Test
    void keepsEventsInOrderUntilRemoved() throws Exception {
        FileOutbox outbox = new FileOutbox(() -> data);
        ClusterEvent first = outbox.append(FileOutboxTest::event);
        ClusterEvent second = outbox.append(FileOutboxTest::event);
        assertEquals(1, first.sequence());
        assertEquals(2, second.sequence());
        assertEquals(2, outbox.size());
        assertEquals(first, outbox.peek().orElseThrow());
        outbox.remove(first);
        assertEquals(second, outbox.peek().orElseThrow());
        outbox.remove(second);
        assertTrue(outbox.peek().isEmpty());
    }

    @Test
    void aGroupAppendedTogetherKeepsItsOrderAcrossARestartAndTheReservation() throws Exception {
        FileOutbox outbox = new FileOutbox(() -> data);
        outbox.append(FileOutboxTest::event);
        List<java.util.function.LongFunction<ClusterEvent>> group = new java.util.ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            group.add(FileOutboxTest::event); // more than one block of reserved numbers
        }
        List<ClusterEvent> appended = outbox.appendAll(group);
        assertEquals(1_500, appended.size());
        for (int i = 0; i < appended.size(); i++) {
            assertEquals(2 + i, appended.get(i).sequence());
        }
        assertEquals(1_501, outbox.lastAppended());
        FileOutbox restarted = new FileOutbox(() -> data);
        assertEquals(1_501, restarted.size());
        assertEquals(1, restarted.peek().orElseThrow().sequence());
        assertTrue(restarted.append(FileOutboxTest::event).sequence() > 1_501, "numbering goes on above the group");
    }

    @Test
    void survivesARestartAndNumbersOnAboveEverythingHandedOut() throws Exception {
        FileOutbox outbox = new FileOutbox(() -> data);
        ClusterEvent first = outbox.append(FileOutboxTest::event);
        ClusterEvent second = outbox.append(FileOutboxTest::event);
        outbox.remove(first);
        outbox.remove(second);
        outbox.append(FileOutboxTest::event);
        Files.writeString(data.resolve("outbox/00000000000000000099.event.tmp"), "half written");

        FileOutbox restarted = new FileOutbox(() -> data);
        assertEquals(1, restarted.size());
        assertEquals(3, restarted.peek().orElseThrow().sequence());
        assertTrue(restarted.append(FileOutboxTest::event).sequence() > 3, "sequences never repeat");
        assertTrue(Files.notExists(data.resolve("outbox/00000000000000000099.event.tmp")), "an unfinished write is discarded");
    }

    @Test
    void waitingReturnsAsSoonAsAnEventArrives() throws Exception {
        FileOutbox outbox = new FileOutbox(() -> data);
        Thread appender = new Thread(() -> {
            try {
                Thread.sleep(100);
                outbox.append(FileOutboxTest::event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        appender.start();
        long start = System.nanoTime();
        outbox.awaitEvent(10_000);
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        appender.join();
    }
}
