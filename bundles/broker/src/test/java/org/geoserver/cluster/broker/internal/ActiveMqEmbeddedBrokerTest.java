package org.geoserver.cluster.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveMqEmbeddedBrokerTest {

    @TempDir
    Path data;

    private ActiveMqEmbeddedBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.deactivate();
        }
    }

    private Map<String, Object> config(int port) {
        Map<String, Object> values = new HashMap<>();
        values.put("brokerName", "test-broker");
        values.put("transportConnectorURIs", new String[] {"tcp://127.0.0.1:" + port});
        return values;
    }

    private BrokerConfig of(Map<String, Object> values) {
        return TestConfigs.of(BrokerConfig.class, values);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void deliversToADurableSubscriberThatWasOffline() throws Exception {
        int port = freePort();
        broker = new ActiveMqEmbeddedBroker(of(config(port)), data.toFile());
        assertTrue(broker.isRunning());
        assertEquals(List.of(URI.create("tcp://127.0.0.1:" + port)), broker.connectorUris());
        assertTrue(broker.lastError().isEmpty());
        assertTrue(data.resolve("test-broker/kahadb").toFile().isDirectory(), "KahaDB lives under the data directory");

        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        subscribeAndClose(factory);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic("VirtualTopic.test"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage("while you were away"));
        }
        assertEquals("while you were away", receiveDurably(factory));
    }

    @Test
    void portZeroReportsTheBoundPort() throws Exception {
        broker = new ActiveMqEmbeddedBroker(of(config(0)), data.toFile());
        int port = broker.connectorUris().get(0).getPort();
        assertTrue(port > 0);
        assertTrue(listening(port));
    }

    @Test
    void aNewPortMovesTheBroker() throws Exception {
        int first = freePort();
        broker = new ActiveMqEmbeddedBroker(of(config(first)), data.toFile());
        int second = freePort();
        broker.modified(of(config(second)));
        assertTrue(broker.isRunning());
        assertEquals(second, broker.connectorUris().get(0).getPort());
        assertTrue(listening(second));
        assertFalse(listening(first));
    }

    @Test
    void anUnparseableUriKeepsTheRunningBroker() throws Exception {
        int port = freePort();
        broker = new ActiveMqEmbeddedBroker(of(config(port)), data.toFile());
        Map<String, Object> bad = config(port);
        bad.put("transportConnectorURIs", new String[] {"tcp://127.0.0.1:http"});
        broker.modified(of(bad));
        assertTrue(broker.isRunning());
        assertTrue(listening(port));
        String error = broker.lastError().orElseThrow();
        assertTrue(error.contains("transportConnectorURIs=tcp://127.0.0.1:http"), error);
    }

    @Test
    void aPortInUseFallsBackToThePreviousSettings() throws Exception {
        int port = freePort();
        broker = new ActiveMqEmbeddedBroker(of(config(port)), data.toFile());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            broker.modified(of(config(taken.getLocalPort())));
            String error = broker.lastError().orElseThrow();
            assertTrue(error.contains("transportConnectorURIs=tcp://127.0.0.1:" + taken.getLocalPort()), error);
            assertTrue(error.contains("restarted with the previous settings"), error);
        }
        assertTrue(broker.isRunning());
        assertTrue(listening(port));
    }

    @Test
    void aPortInUseAtActivationLeavesTheComponentUpAndReleasesNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            broker = new ActiveMqEmbeddedBroker(of(config(taken.getLocalPort())), data.toFile());
            assertFalse(broker.isRunning());
            assertTrue(broker.lastError().orElseThrow().contains("the broker is stopped"));
        }
        // The next configuration starts normally: the failed attempt left no port bound.
        int port = freePort();
        broker.modified(of(config(port)));
        assertTrue(broker.isRunning());
        assertTrue(broker.lastError().isEmpty());
    }

    @Test
    void disablingStopsTheBrokerAndEnablingStartsItAgain() throws Exception {
        int port = freePort();
        broker = new ActiveMqEmbeddedBroker(of(config(port)), data.toFile());
        Map<String, Object> disabled = config(port);
        disabled.put("enabled", false);
        broker.modified(of(disabled));
        assertFalse(broker.isRunning());
        assertFalse(listening(port));
        assertTrue(broker.connectorUris().isEmpty());
        broker.modified(of(config(port)));
        assertTrue(broker.isRunning());
        assertTrue(listening(port));
    }

    @Test
    void persistentMessagesSurviveARestart() throws Exception {
        int port = freePort();
        broker = new ActiveMqEmbeddedBroker(of(config(port)), data.toFile());
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        subscribeAndClose(factory);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createTopic("VirtualTopic.test")).send(session.createTextMessage("kept"));
        }
        broker.deactivate();
        broker = new ActiveMqEmbeddedBroker(of(config(port)), data.toFile());
        assertEquals("kept", receiveDurably(factory));
    }

    @Test
    void withAUserClientsMustAuthenticate() throws Exception {
        int port = freePort();
        Map<String, Object> values = config(port);
        values.put("user", "cluster");
        values.put("password", "s3cret");
        broker = new ActiveMqEmbeddedBroker(of(values), data.toFile());
        ActiveMQConnectionFactory anonymous = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        assertThrows(JMSSecurityException.class, () -> {
            try (Connection connection = anonymous.createConnection()) {
                connection.start();
            }
        });
        ActiveMQConnectionFactory authenticated = new ActiveMQConnectionFactory("cluster", "s3cret", "tcp://127.0.0.1:" + port);
        try (Connection connection = authenticated.createConnection()) {
            connection.start();
        }
    }

    private static void subscribeAndClose(ActiveMQConnectionFactory factory) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.setClientID("node-b");
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic("VirtualTopic.test");
            session.createDurableSubscriber(topic, "node-b").close();
        }
    }

    private static String receiveDurably(ActiveMQConnectionFactory factory) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.setClientID("node-b");
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createDurableSubscriber(session.createTopic("VirtualTopic.test"), "node-b");
            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertNotNull(message, "the durable subscriber received the message");
            return message.getText();
        }
    }
}
