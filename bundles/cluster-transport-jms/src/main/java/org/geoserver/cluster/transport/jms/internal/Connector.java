package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.RedeliveryPolicy;
import org.apache.activemq.transport.TransportListener;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.StatusListener;
import org.geoserver.cluster.broker.api.EmbeddedBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps one link to the broker open from a thread of its own, retrying while the broker is away and connecting again when the settings change. */
final class Connector {

    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
    private static final long RETRY_MILLIS = 2_000;
    private static final int SEND_TIMEOUT_MILLIS = 10_000;

    // Its own thread, so that a node starts and serves while the broker is down; everything that changes the link runs there.
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "geoserver-cluster-jms-connector"));
    /** The broker of this node when it runs one; its address is the default broker URL. */
    private final EmbeddedBroker embeddedBroker;
    private final StatusListener statuses;
    private final List<LinkUser> users;

    /** Published whole: senders, requests and status output read it and never wait for the connector. */
    private volatile BrokerLink link;
    /** The connection being opened or in use, so that closing can cut a pending connect. */
    private volatile ActiveMQConnection opening;
    private volatile ClusterSettings settings;
    private volatile String url;
    private volatile boolean connected;
    private volatile boolean closed;
    /** Counts the settings handed over, so that retrying with older ones gives way to the newest. */
    private final AtomicLong handedOver = new AtomicLong();

    Connector(EmbeddedBroker embeddedBroker, StatusListener statuses, List<LinkUser> users) {
        this.embeddedBroker = embeddedBroker;
        this.statuses = statuses;
        this.users = List.copyOf(users);
    }

    /** The open link, or null while there is none. */
    BrokerLink link() {
        return link;
    }

    /** The settings last handed over, or null before the first. */
    ClusterSettings settings() {
        return settings;
    }

    /** True while the broker link is open and its transport up; false while the link is still being opened, although the transport may be up. */
    boolean isConnected() {
        return connected && link != null;
    }

    /** The broker address last tried, or "a broker" before the first, for messages. */
    String target() {
        String tried = url;
        return tried == null ? "a broker" : tried;
    }

    /** The address last tried (null before the first), for status output. */
    String url() {
        return url;
    }

    /** Closes the link and opens one with the settings (taken on the connector thread), retrying until it stands or the connector closes. */
    void reconnect(Supplier<ClusterSettings> changed) {
        long generation = handedOver.incrementAndGet();
        cutPendingConnect();
        submit(() -> {
            if (superseded(generation)) {
                return; // newer settings follow in the queue
            }
            disconnect();
            settings = changed.get();
            connectUntilDone(generation);
        });
    }

    /**
     * A connect to an absent broker waits without end (the failover transport sends the connection
     * info without a timeout) and holds the connector thread; closing its connection from here
     * ends it, so that the newer settings get their turn.
     */
    private void cutPendingConnect() {
        ActiveMQConnection pending = opening;
        if (pending != null && link == null) {
            closeQuietly(pending);
        }
    }

    private boolean superseded(long generation) {
        return handedOver.get() != generation;
    }

    /** Lets the users of the link look again at what they depend on (a handler or responder came or went). */
    void refresh() {
        submit(() -> {
            BrokerLink current = link;
            users.forEach(user -> user.update(current));
        });
    }

    /**
     * Hands a task to the connector thread. Once closed there is none: Declarative Services unbinds
     * dynamic references (the handler) after deactivate, and those changes no longer matter.
     */
    private void submit(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    /** Closes the link and stops the thread, waiting for it at most 10 s. */
    void close() throws InterruptedException {
        closed = true;
        // Closing from here cuts a connect that waits for an absent broker.
        ActiveMQConnection pending = opening;
        if (pending != null) {
            closeQuietly(pending);
        }
        thread.execute(this::disconnect);
        thread.shutdown();
        if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
            thread.shutdownNow();
            LOG.warn("JMS transport to {} did not close within 10 s", url);
        }
    }

    private void connectUntilDone(long generation) {
        while (!closed) {
            if (superseded(generation)) {
                LOG.info("Settings changed while connecting to broker {}: connecting with the new ones", url);
                return;
            }
            ClusterSettings current = settings;
            if (current == null || !current.connection()) {
                LOG.info("Cluster connection disabled (connection=disabled in {})", ClusterSettings.PID);
                return;
            }
            if (current.brokerURL().isEmpty() && embeddedBroker == null) {
                // Never another broker that happens to listen on this host: the transport is
                // activated again, and connects, when this node's broker comes.
                LOG.info("Waiting for this node's embedded broker (brokerURL is empty in {})", ClusterSettings.PID);
                return;
            }
            try {
                connect(current);
                return;
            } catch (JMSException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (superseded(generation)) {
                    LOG.info("Settings changed while connecting to broker {}: connecting with the new ones", url);
                    disconnect();
                    return;
                }
                LOG.warn("Cannot connect to broker {} yet: {}; retrying", url, e.getMessage());
                disconnect();
                if (!waitBeforeRetry(generation)) {
                    return;
                }
            }
        }
    }

    /** Waits before the next attempt, or less when newer settings came; false when interrupted. */
    private boolean waitBeforeRetry(long generation) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS);
        try {
            while (System.nanoTime() < deadline && !superseded(generation) && !closed) {
                Thread.sleep(50);
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void connect(ClusterSettings current) throws JMSException {
        EmbeddedBroker broker = embeddedBroker; // present when brokerURL is empty (connectUntilDone)
        if (current.brokerURL().isEmpty() && (!broker.isRunning() || broker.connectorUris().isEmpty())) {
            throw new JMSException("the embedded broker is not running" + broker.lastError().map(e -> " (" + e + ")").orElse(""));
        }
        String effective = BrokerUrls.effective(current.brokerURL().isEmpty() ? broker.connectorUris().get(0).toString() : current.brokerURL());
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(effective);
        if (!current.user().isEmpty()) {
            factory.setUserName(current.user());
            factory.setPassword(current.password());
        }
        RedeliveryPolicy redelivery = factory.getRedeliveryPolicy();
        redelivery.setMaximumRedeliveries(RedeliveryPolicy.NO_MAXIMUM_REDELIVERIES); // never dead-letter a change
        redelivery.setInitialRedeliveryDelay(500);
        redelivery.setUseExponentialBackOff(true);
        redelivery.setMaximumRedeliveryDelay(30_000);
        factory.setWatchTopicAdvisories(false);
        // A send to a broker that went away, or that holds it back, fails after this, and the event stays in the outbox.
        factory.setSendTimeout(SEND_TIMEOUT_MILLIS);
        url = effective;
        ActiveMQConnection created = (ActiveMQConnection) factory.createConnection();
        opening = created;
        if (closed) {
            throw new JMSException("transport closed");
        }
        created.addTransportListener(new TransportListener() {
            @Override
            public void onCommand(Object command) {}

            @Override
            public void onException(IOException error) {
                if (opening == created) {
                    connected = false;
                }
            }

            @Override
            public void transportInterupted() {
                if (opening == created) { // not a connection closed already, whose news would mark its successor down
                    connected = false;
                    LOG.warn("Lost the connection to broker {}; reconnecting", effective);
                }
            }

            @Override
            public void transportResumed() {
                if (opening == created) {
                    connected = true;
                    LOG.info("Reconnected to broker {}", effective);
                }
            }
        });
        if (current.durable() && !Destinations.isVirtualTopic(current)) {
            // A durable topic subscription is identified by client id and name: the node's name.
            created.setClientID(current.instanceName());
        }
        created.start();
        link = BrokerLink.open(created, effective, current, statuses);
        connected = true;
        LOG.info("Connected to broker {} as {} (topic {})", effective, current.instanceName(), current.topicName());
        BrokerLink opened = link;
        users.forEach(user -> user.update(opened));
    }

    /** Takes the link away first, so that no new send starts on it, then closes it: a send still running on it fails. */
    private void disconnect() {
        BrokerLink closing = link;
        link = null;
        users.forEach(LinkUser::release);
        connected = false;
        ActiveMQConnection pending = opening;
        opening = null;
        if (closing != null) {
            closeQuietly(closing.connection());
        } else if (pending != null) {
            closeQuietly(pending);
        }
    }

    private void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException e) {
            LOG.debug("Closing the connection to {}: {}", url, e.getMessage());
        }
    }
}
