package org.geoserver.cluster.transport.jms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.apache.activemq.command.ActiveMQTopic;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.TransportException;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmsEventTransportTest {

    @TempDir
    Path data;

    private final int port = freePort();
    private BrokerService broker;
    private final List<JmsEventTransport> transports = new ArrayList<>();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startBroker() throws Exception {
        startBroker(null);
    }

    private void startBroker(PolicyMap policies) throws Exception {
        broker = new BrokerService();
        if (policies != null) {
            broker.setDestinationPolicy(policies);
        }
        broker.setBrokerName("test");
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setDataDirectoryFile(data.resolve("broker").toFile());
        broker.setPersistent(true);
        broker.addConnector("tcp://127.0.0.1:" + port);
        broker.start();
        broker.waitUntilStarted();
    }

    @AfterEach
    void stop() throws Exception {
        for (JmsEventTransport transport : transports) {
            transport.deactivate();
        }
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
    }

    static ClusterSettings settings(String instance, String group, int port, boolean slave, String secret) {
        return new ClusterSettings(instance, group, "tcp://127.0.0.1:" + port, "VirtualTopic.geoserver", true, true, slave, false, true, "", "", secret, true);
    }

    private JmsEventTransport transport(TestClusterConfiguration configuration, List<ClusterEvent> sink) {
        JmsEventTransport transport = new JmsEventTransport(configuration, null, data.resolve("rejected-" + configuration.current().instanceName()));
        if (sink != null) {
            transport.setHandler(sink::add);
        }
        transports.add(transport);
        return transport;
    }

    static ClusterEvent event(String origin, String group, long sequence) {
        return new ClusterEvent(origin + "-" + sequence, origin, group, sequence, sequence, ClusterEvent.Operation.ADD, "workspace", "ws" + sequence,
                "<workspace><id>ws" + sequence + "</id></workspace>", List.of(), null, false);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void publishWhenConnected(JmsEventTransport transport, ClusterEvent event) throws Exception {
        await("a connection", transport::isConnected);
        transport.publish(event);
    }

    @Test
    void deliversToOtherNodesOfTheGroupOnlyAndNeverBackToTheSender() throws Exception {
        startBroker();
        List<ClusterEvent> atA = new CopyOnWriteArrayList<>();
        List<ClusterEvent> atB = new CopyOnWriteArrayList<>();
        List<ClusterEvent> atOtherGroup = new CopyOnWriteArrayList<>();
        JmsEventTransport a = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "")), atA);
        transport(new TestClusterConfiguration(settings("node-b", "g", port, true, "")), atB);
        transport(new TestClusterConfiguration(settings("node-c", "other", port, true, "")), atOtherGroup);
        Thread.sleep(500); // queues exist once consumers subscribed
        for (int i = 1; i <= 20; i++) {
            publishWhenConnected(a, event("node-a", "g", i));
        }
        await("20 events at node b", () -> atB.size() == 20);
        assertEquals(List.of(1L, 2L, 3L), atB.subList(0, 3).stream().map(ClusterEvent::sequence).toList(), "in order");
        Thread.sleep(300);
        assertTrue(atA.isEmpty(), "no echo");
        assertTrue(atOtherGroup.isEmpty(), "other groups ignore it");
    }

    @Test
    void statusesReachTheOtherNodesOfTheGroup() throws Exception {
        startBroker();
        JmsEventTransport a = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "")), null);
        JmsEventTransport b = transport(new TestClusterConfiguration(settings("node-b", "g", port, true, "")), null);
        List<NodeStatus> atB = new CopyOnWriteArrayList<>();
        List<NodeStatus> atA = new CopyOnWriteArrayList<>();
        b.subscribeStatus(atB::add);
        a.subscribeStatus(atA::add);
        await("both connected", () -> a.isConnected() && b.isConnected());
        Thread.sleep(300);
        a.publishStatus(new NodeStatus("node-a", "g", "d1", 0, 1, Map.of("layer", "x1", "style", "x2"), 7, 12, true, true));
        await("b to hear a", () -> atB.size() == 1);
        assertEquals("d1", atB.get(0).digest());
        assertEquals(Map.of("layer", "x1", "style", "x2"), atB.get(0).digestsByType());
        assertEquals(7, atB.get(0).versions());
        assertEquals(12, atB.get(0).published());
        assertTrue(atB.get(0).receiving());
        assertTrue(atB.get(0).readOnly());
        Thread.sleep(200);
        assertTrue(atA.isEmpty(), "a does not hear itself");
    }

    @Test
    void theBrokerKeepsEventsForAStoppedConsumer() throws Exception {
        startBroker();
        List<ClusterEvent> atB = new CopyOnWriteArrayList<>();
        JmsEventTransport a = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "")), null);
        TestClusterConfiguration bConfig = new TestClusterConfiguration(settings("node-b", "g", port, true, ""));
        JmsEventTransport b = transport(bConfig, atB);
        await("b connected", b::isConnected);
        Thread.sleep(300);
        bConfig.set(settings("node-b", "g", port, false, "")); // toggleSlave=false: stops consuming
        Thread.sleep(300);
        for (int i = 1; i <= 5; i++) {
            publishWhenConnected(a, event("node-a", "g", i));
        }
        Thread.sleep(500);
        assertTrue(atB.isEmpty());
        bConfig.set(settings("node-b", "g", port, true, ""));
        await("the kept events", () -> atB.size() == 5);
    }

    @Test
    void aFailingHandlerGetsTheEventAgain() throws Exception {
        startBroker();
        AtomicInteger attempts = new AtomicInteger();
        List<ClusterEvent> applied = new CopyOnWriteArrayList<>();
        JmsEventTransport a = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "")), null);
        JmsEventTransport b = transport(new TestClusterConfiguration(settings("node-b", "g", port, true, "")), null);
        b.setHandler(event -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("disk full");
            }
            applied.add(event);
        });
        await("b connected", b::isConnected);
        Thread.sleep(300);
        publishWhenConnected(a, event("node-a", "g", 1));
        await("the third attempt", () -> applied.size() == 1);
        assertEquals(3, attempts.get());
    }

    @Test
    void unsignedOrForeignMessagesAreRejectedAndKeptAside() throws Exception {
        startBroker();
        List<ClusterEvent> atB = new CopyOnWriteArrayList<>();
        JmsEventTransport b = transport(new TestClusterConfiguration(settings("node-b", "g", port, true, "s3cret")), atB);
        JmsEventTransport forger = transport(new TestClusterConfiguration(settings("forger", "g", port, true, "wrong")), null);
        JmsEventTransport signer = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "s3cret")), null);
        await("b connected", b::isConnected);
        Thread.sleep(300);
        publishWhenConnected(forger, event("forger", "g", 1));
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createTopic("VirtualTopic.geoserver")).send(session.createTextMessage("<workspace/>"));
        }
        publishWhenConnected(signer, event("node-a", "g", 2));
        await("the signed event", () -> atB.size() == 1);
        assertEquals("node-a", atB.get(0).origin());
        await("two rejected files", () -> {
            try (var files = Files.list(data.resolve("rejected-node-b"))) {
                return files.count() == 2;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    void aHandlerUnboundAfterDeactivateIsIgnored() throws Exception {
        List<ClusterEvent> sink = new CopyOnWriteArrayList<>();
        org.geoserver.cluster.api.EventHandler handler = sink::add;
        JmsEventTransport transport = new JmsEventTransport(new TestClusterConfiguration(settings("node-x", "g", port, true, "")), null, data.resolve("rejected-x"));
        transport.setHandler(handler);
        transport.deactivate();
        // Declarative Services unbinds dynamic references after deactivate.
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> transport.unsetHandler(handler));
    }

    @Test
    void anEmptyBrokerUrlWaitsForTheEmbeddedBrokerAndTriesNoOther() throws Exception {
        ClusterSettings embedded = new ClusterSettings("node-e", "g", "", "VirtualTopic.geoserver", true, true, true, false, true, "", "", "", true);
        JmsEventTransport transport = transport(new TestClusterConfiguration(embedded), null);
        Thread.sleep(300);
        assertFalse(transport.isConnected());
        assertFalse(transport.describe().contains("tcp://"), "no broker tried: " + transport.describe());
    }

    @Test
    void startsWithoutABrokerAndConnectsWhenItComes() throws Exception {
        List<ClusterEvent> atB = new CopyOnWriteArrayList<>();
        JmsEventTransport a = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "")), null);
        JmsEventTransport b = transport(new TestClusterConfiguration(settings("node-b", "g", port, true, "")), atB);
        assertFalse(a.isConnected());
        TransportException e = assertThrows(TransportException.class, () -> a.publish(event("node-a", "g", 1)));
        assertTrue(e.getMessage().contains("not connected"), e.getMessage());
        startBroker();
        await("b connected", b::isConnected);
        Thread.sleep(500);
        publishWhenConnected(a, event("node-a", "g", 1));
        await("delivery", () -> atB.size() == 1);
    }

    @Test
    void aSettingsChangeWhileRetryingAnAbsentBrokerConnectsWithTheNewSettings() throws Exception {
        startBroker();
        int nobody = freePort();
        TestClusterConfiguration config = new TestClusterConfiguration(settings("node-a", "g", nobody, true, ""));
        JmsEventTransport a = transport(config, null);
        Thread.sleep(500); // trying the port where no broker listens
        assertFalse(a.isConnected());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> config.set(settings("node-a", "g", port, true, "")), "handing over the change");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            while (!a.isConnected()) {
                Thread.sleep(20);
            }
        }, "a connection with the new settings");
        assertTrue(a.describe().contains("tcp://127.0.0.1:" + port + ")"), a.describe());
    }

    @Test
    void aNodeAnswersRequestsSignedAndTheAskingNodeHearsFailuresAndSilence() throws Exception {
        startBroker();
        JmsEventTransport a = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "s3cret")), null);
        JmsEventTransport b = transport(new TestClusterConfiguration(settings("node-b", "g", port, true, "s3cret")), null);
        JmsEventTransport intruder = transport(new TestClusterConfiguration(settings("node-x", "g", port, true, "other")), null);
        List<String> asked = new CopyOnWriteArrayList<>();
        b.serveRequests((from, subject, body) -> {
            asked.add(from + " " + subject);
            if (subject.equals("broken")) {
                throw new IllegalStateException("no snapshot here");
            }
            return ("answer to " + new String(body, java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });
        await("all connected", () -> a.isConnected() && b.isConnected() && intruder.isConnected());
        Thread.sleep(300); // b's request consumer

        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        assertEquals(3 * 1024 * 1024 + "answer to ".length(), a.request("node-b", "snapshot", big, Duration.ofSeconds(10)).length, "megabytes travel");
        assertEquals("answer to hi", new String(a.request("node-b", "digests", "hi".getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ofSeconds(10)),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("node-a snapshot", "node-a digests"), asked);

        TransportException failed = assertThrows(TransportException.class, () -> a.request("node-b", "broken", new byte[0], Duration.ofSeconds(10)));
        assertTrue(failed.getMessage().contains("node-b could not answer broken: no snapshot here"), failed.getMessage());

        TransportException silent = assertThrows(TransportException.class, () -> a.request("node-z", "snapshot", new byte[0], Duration.ofMillis(500)));
        assertTrue(silent.getMessage().contains("node-z did not answer snapshot"), silent.getMessage());

        TransportException wrongSecret = assertThrows(TransportException.class, () -> intruder.request("node-b", "snapshot", new byte[0], Duration.ofSeconds(10)));
        assertTrue(wrongSecret.getMessage().contains("wrong signature"), wrongSecret.getMessage());
        assertEquals(3, asked.size(), "the request with a wrong signature never reached the responder");
    }

    @Test
    void aBacklogIsAcknowledgedInBatchesAndAFailureDeliversTheUnacknowledgedBatchAgain() throws Exception {
        startBroker();
        JmsEventTransport a = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "")), null);
        TestClusterConfiguration bConfig = new TestClusterConfiguration(settings("node-b", "g", port, true, ""));
        List<Long> handled = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        JmsEventTransport b = transport(bConfig, null);
        b.setHandler(event -> {
            if (event.sequence() == 300 && failures.getAndIncrement() == 0) {
                throw new IOException("disk full");
            }
            handled.add(event.sequence());
        });
        await("b consuming", b::isConnected);
        Thread.sleep(300);
        bConfig.set(settings("node-b", "g", port, false, "")); // builds a backlog
        Thread.sleep(300);
        for (int i = 1; i <= 500; i++) {
            publishWhenConnected(a, event("node-a", "g", i));
        }
        bConfig.set(settings("node-b", "g", port, true, ""));
        await("every event handled", () -> new java.util.TreeSet<>(handled).size() == 500);
        assertEquals(2, failures.get(), "event 300 came twice: failed, then handled");
        assertEquals(500L, (long) handled.get(handled.size() - 1), "in order to the last");
        int firstRepeat = handled.indexOf(handled.stream().filter(s -> java.util.Collections.frequency(handled, s) > 1).findFirst().orElse(-1L));
        assertTrue(handled.size() > 500, "the unacknowledged events before the failure came again: " + handled.size());
        assertTrue(handled.subList(firstRepeat, handled.size()).contains(299L), "the whole unacknowledged batch came again, not only the failed event");
        Thread.sleep(500);
        int total = handled.size();
        bConfig.set(settings("node-b", "g", port, false, ""));
        bConfig.set(settings("node-b", "g", port, true, ""));
        Thread.sleep(1000);
        assertEquals(total, handled.size(), "everything was acknowledged: nothing comes again after a reconnect");
    }

    @Test
    void theApplierFlushesBeforeEachAcknowledgementAndAFailedFlushDeliversTheBatchAgain() throws Exception {
        startBroker();
        JmsEventTransport a = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "")), null);
        JmsEventTransport b = transport(new TestClusterConfiguration(settings("node-b", "g", port, true, "")), null);
        List<Long> handled = new CopyOnWriteArrayList<>();
        AtomicInteger flushes = new AtomicInteger();
        b.setHandler(new org.geoserver.cluster.api.EventHandler() {
            @Override
            public void handle(ClusterEvent event) {
                handled.add(event.sequence());
            }

            @Override
            public void flush() throws IOException {
                if (flushes.incrementAndGet() == 1) {
                    throw new IOException("disk full");
                }
            }
        });
        await("b connected", b::isConnected);
        Thread.sleep(300);
        publishWhenConnected(a, event("node-a", "g", 1));
        await("the event again after the failed flush", () -> handled.size() == 2);
        assertEquals(List.of(1L, 1L), handled);
        Thread.sleep(300);
        assertEquals(2, flushes.get(), "flushed before each acknowledgement");
    }

    /**
     * A broker that holds event sends back: the events' topic may keep about one message in
     * memory, with producer flow control, and a subscriber that takes one message at a time and
     * never finishes with it keeps the events after that one there. The broker then answers the
     * next persistent send only once that memory is free again, and the sender waits for that up to
     * its send timeout.
     */
    private Connection startStallingBroker(CountDownLatch release) throws Exception {
        PolicyEntry stall = new PolicyEntry();
        stall.setTopic("VirtualTopic.geoserver");
        stall.setProducerFlowControl(true);
        stall.setMemoryLimit(1024);
        PolicyMap policies = new PolicyMap();
        policies.setPolicyEntries(List.of(stall));
        startBroker(policies);
        Connection hoarder = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port + "?jms.prefetchPolicy.all=1").createConnection();
        Session session = hoarder.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic("VirtualTopic.geoserver")).setMessageListener(message -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        hoarder.start();
        return hoarder;
    }

    private boolean topicMemoryFull() {
        try {
            return broker.getDestination(new ActiveMQTopic("VirtualTopic.geoserver")).getMemoryUsage().isFull();
        } catch (Exception e) {
            return false;
        }
    }

    /** Publishes events until the topic's memory is full, then starts one more publish, which the broker holds back; returns the sequences published. */
    private Future<Object> stuckPublish(JmsEventTransport sender, ExecutorService background, Set<Long> sequences) throws Exception {
        await("a connection", sender::isConnected);
        for (long sequence = 1; !topicMemoryFull(); sequence++) {
            assertTrue(sequence < 20, "the topic's memory fills");
            sender.publish(event("node-a", "g", sequence));
            sequences.add(sequence);
            Thread.sleep(100); // the broker dispatches it, or keeps it for the hoarding subscriber
        }
        long held = sequences.size() + 1;
        sequences.add(held);
        Future<Object> stuck = background.submit(() -> {
            try {
                sender.publish(event("node-a", "g", held));
                return "sent";
            } catch (TransportException e) {
                return e;
            }
        });
        assertThrows(TimeoutException.class, () -> stuck.get(500, TimeUnit.MILLISECONDS), "the broker holds the send back");
        return stuck;
    }

    @Test
    void aStuckEventSendHoldsUpNeitherStatusesNorRequestsNorStatusOutput() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Connection hoarder = startStallingBroker(release);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            List<ClusterEvent> atB = new CopyOnWriteArrayList<>();
            List<NodeStatus> statusesAtB = new CopyOnWriteArrayList<>();
            JmsEventTransport a = transport(new TestClusterConfiguration(settings("node-a", "g", port, true, "")), null);
            JmsEventTransport b = transport(new TestClusterConfiguration(settings("node-b", "g", port, true, "")), atB);
            b.subscribeStatus(statusesAtB::add);
            b.serveRequests((from, subject, body) -> body);
            await("both connected", () -> a.isConnected() && b.isConnected());
            Thread.sleep(300); // b's consumers
            Set<Long> sent = new TreeSet<>();
            Future<Object> stuck = stuckPublish(a, background, sent);

            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertTrue(a.isConnected());
                assertTrue(a.describe().startsWith("connected to "), a.describe());
                a.publishStatus(new NodeStatus("node-a", "g", "d1", 1, 1, Map.of(), 0, 1, false, false));
                assertEquals("hi", new String(a.request("node-b", "echo", "hi".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1)), StandardCharsets.UTF_8));
                TransportException silent = assertThrows(TransportException.class, () -> a.request("node-z", "echo", new byte[0], Duration.ofMillis(300)));
                assertTrue(silent.getMessage().contains("node-z did not answer echo"), silent.getMessage());
                while (statusesAtB.isEmpty()) {
                    Thread.sleep(20);
                }
            }, "while an event send is stuck");
            assertEquals("d1", statusesAtB.get(0).digest());
            assertFalse(stuck.isDone(), "all of that happened while the event send was held back");

            release.countDown();
            hoarder.close(); // frees the topic's memory: the broker takes the held send
            Object outcome = stuck.get(15, TimeUnit.SECONDS);
            if (outcome instanceof TransportException) {
                a.publish(event("node-a", "g", sent.size())); // as the outbox would
            }
            await("every event at b", () -> atB.stream().map(ClusterEvent::sequence).collect(Collectors.toSet()).equals(sent));
        } finally {
            release.countDown();
            background.shutdownNow();
            hoarder.close();
        }
    }

    @Test
    void aReconnectDuringAStuckEventSendFailsTheSendAtOnceAndConnectsAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Connection hoarder = startStallingBroker(release);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            List<ClusterEvent> atB = new CopyOnWriteArrayList<>();
            TestClusterConfiguration aConfig = new TestClusterConfiguration(settings("node-a", "g", port, true, ""));
            JmsEventTransport a = transport(aConfig, null);
            JmsEventTransport b = transport(new TestClusterConfiguration(settings("node-b", "g", port, true, "")), atB);
            await("both connected", () -> a.isConnected() && b.isConnected());
            Thread.sleep(300); // b's consumer
            Set<Long> sent = new TreeSet<>();
            Future<Object> stuck = stuckPublish(a, background, sent);

            aConfig.set(settings("node-a", "g", port, false, "")); // any change connects again
            Object outcome = stuck.get(2, TimeUnit.SECONDS);
            assertTrue(outcome instanceof TransportException, "the send on the closed link failed: " + outcome);
            assertTrue(((TransportException) outcome).getMessage().contains("could not send"), ((TransportException) outcome).getMessage());
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                while (!a.isConnected()) {
                    Thread.sleep(20);
                }
            }, "connected again");

            release.countDown();
            hoarder.close();
            a.publish(event("node-a", "g", sent.size())); // as the outbox would
            await("every event at b", () -> atB.stream().map(ClusterEvent::sequence).collect(Collectors.toSet()).equals(sent));
        } finally {
            release.countDown();
            background.shutdownNow();
            hoarder.close();
        }
    }
}
