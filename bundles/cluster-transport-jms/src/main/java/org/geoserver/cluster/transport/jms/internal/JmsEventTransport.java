package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.RedeliveryPolicy;
import org.apache.activemq.transport.TransportListener;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.EventHandler;
import org.geoserver.cluster.api.EventTransport;
import org.geoserver.cluster.api.StateFolder;
import org.geoserver.cluster.api.TransportStatistics;
import org.geoserver.cluster.api.InvalidEventException;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.RequestResponder;
import org.geoserver.cluster.api.StatusListener;
import org.geoserver.cluster.api.TransportException;
import org.geoserver.cluster.broker.api.EmbeddedBroker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster events over ActiveMQ. Publishes persistent messages to the topic; consumes this node's
 * own queue of the virtual topic ({@code Consumer.<instanceName>.<topicName>}), where the broker
 * keeps events while the node is away, acknowledged only after the {@link EventHandler} handled
 * and flushed them. Connects, reconnects and reconfigures on a thread of its own, so a
 * node starts and serves while the broker is down.
 */
@Component(service = {EventTransport.class, TransportStatistics.class}, immediate = true, configurationPid = JmsTransportConfig.PID)
@Designate(ocd = JmsTransportConfig.class)
public class JmsEventTransport implements EventTransport, TransportStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(JmsEventTransport.class);
    private static final long RETRY_MILLIS = 2_000;
    private static final int SEND_TIMEOUT_MILLIS = 10_000;
    private static final long STATUS_TIME_TO_LIVE_MILLIS = 30_000;
    /** Most events applied under one acknowledgement of the consumer. */
    private static final int MAX_BATCH = 200;

    private final ClusterConfiguration configuration;
    /** The keys of the transport's own PID; null in tests that set none. */
    private volatile JmsTransportConfig own;
    private final Path rejectedDirectory;
    private final ExecutorService connector = Executors.newSingleThreadExecutor(r -> new Thread(r, "geoserver-cluster-jms-connector"));
    private final AutoCloseable subscription;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /** The broker of this node when it runs one; its address is the default broker URL. */
    private final EmbeddedBroker embeddedBroker;
    /** The connection being opened or in use, so that closing the component can cut a pending connect. */
    private volatile ActiveMQConnection opening;
    private volatile EventHandler handler;
    private final List<StatusListener> statusListeners = new CopyOnWriteArrayList<>();
    private volatile RequestResponder responder;
    private volatile boolean connected;
    private volatile boolean closed;

    // Changed only on the connector thread, under this; volatile so that describe() never waits for a send.
    private volatile ClusterSettings settings;
    private volatile ClusterEventCodec codec;
    private volatile String url;
    private Connection connection;
    private Session producerSession;
    private MessageProducer producer;
    private MessageProducer statusProducer;
    private Session statusSession;
    private Session consumerSession;
    private volatile MessageConsumer consumer;
    private Session requestSession;

    @Activate
    public JmsEventTransport(
            @Reference ClusterConfiguration configuration,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) EmbeddedBroker embeddedBroker,
            @Reference StateFolder state, JmsTransportConfig own) {
        this(configuration, embeddedBroker, state.path().resolve("rejected"), own);
    }

    /** With the node's settings only, as when the transport's own PID sets nothing. */
    JmsEventTransport(ClusterConfiguration configuration, EmbeddedBroker embeddedBroker, Path rejectedDirectory) {
        this(configuration, embeddedBroker, rejectedDirectory, null);
    }

    JmsEventTransport(ClusterConfiguration configuration, EmbeddedBroker embeddedBroker, Path rejectedDirectory, JmsTransportConfig own) {
        this.configuration = configuration;
        this.embeddedBroker = embeddedBroker;
        this.rejectedDirectory = rejectedDirectory;
        this.own = own;
        this.subscription = configuration.subscribe(changed -> onConnector(() -> reconnect(TransportSettings.overlay(changed, this.own))));
    }

    /** The transport's own keys changed (etc/org.geoserver.cluster.transport.jms.cfg): connect again with them. */
    @Modified
    void modified(JmsTransportConfig changed) {
        this.own = changed;
        onConnector(() -> reconnect(TransportSettings.overlay(configuration.current(), changed)));
    }


    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setHandler(EventHandler eventHandler) {
        this.handler = eventHandler;
        onConnector(this::updateConsumer);
    }

    void unsetHandler(EventHandler eventHandler) {
        if (this.handler == eventHandler) {
            this.handler = null;
            onConnector(this::updateConsumer);
        }
    }

    /**
     * Hands a task to the connector thread. Once deactivated there is none: Declarative Services
     * unbinds dynamic references (the handler) after deactivate, and those changes no longer matter.
     */
    private void onConnector(Runnable task) {
        try {
            connector.execute(task);
        } catch (RejectedExecutionException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        closed = true;
        subscription.close();
        // Closing from here cuts a connect that waits for an absent broker.
        ActiveMQConnection pending = opening;
        if (pending != null) {
            closeQuietly(pending);
        }
        connector.execute(this::disconnect);
        connector.shutdown();
        if (!connector.awaitTermination(10, TimeUnit.SECONDS)) {
            connector.shutdownNow();
            LOG.warn("JMS transport to {} did not close within 10 s", url);
        }
    }

    @Override
    public long published() {
        return published.get();
    }

    @Override
    public long received() {
        return received.get();
    }

    @Override
    public long rejected() {
        return rejected.get();
    }

    // ---------------------------------------------------------------- sending

    @Override
    public void publish(ClusterEvent event) throws TransportException {
        synchronized (this) {
            if (producer == null) {
                throw new TransportException("not connected to " + (url == null ? "a broker" : url), null);
            }
            try {
                BytesMessage message = producerSession.createBytesMessage();
                message.writeBytes(codec.encode(event));
                message.setStringProperty("instanceName", event.origin());
                message.setStringProperty("group", event.group());
                message.setStringProperty("eventId", event.id());
                message.setLongProperty("sequence", event.sequence());
                // Persistent and outside a transaction: the send returns once the broker stored it.
                producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
                published.incrementAndGet();
            } catch (JMSException e) {
                throw new TransportException("could not send " + event + " to " + url + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void publishStatus(NodeStatus status) throws TransportException {
        synchronized (this) {
            if (statusProducer == null) {
                throw new TransportException("not connected to " + (url == null ? "a broker" : url), null);
            }
            try {
                MapMessage message = producerSession.createMapMessage();
                message.setString("instanceName", status.instanceName());
                message.setString("group", status.group());
                message.setString("digest", status.digest());
                message.setInt("outbox", status.outbox());
                message.setLong("timestamp", status.timestamp());
                message.setString("digestsByType", StatusFields.encode(status.digestsByType()));
                message.setInt("versions", status.versions());
                message.setLong("published", status.published());
                message.setBoolean("receiving", status.receiving());
                message.setBoolean("readOnly", status.readOnly());
                message.setBoolean("master", status.master());
                message.setBoolean("slave", status.slave());
                message.setInt("deferred", status.deferred());
                message.setInt("failed", status.failed());
                message.setString("handled", StatusFields.encode(status.handled()));
                message.setString("kinds", StatusFields.encode(status.kinds()));
                message.setBoolean("syncing", status.syncing());
                statusProducer.send(message, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, STATUS_TIME_TO_LIVE_MILLIS);
            } catch (JMSException e) {
                throw new TransportException("could not send the status of " + status.instanceName() + " to " + url + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public AutoCloseable subscribeStatus(StatusListener listener) {
        statusListeners.add(listener);
        return () -> statusListeners.remove(listener);
    }

    @Override
    public byte[] request(String node, String subject, byte[] body, Duration timeout) throws TransportException {
        Connection current;
        ClusterSettings asking;
        ClusterEventCodec sealing;
        synchronized (this) {
            current = connection;
            asking = settings;
            sealing = codec;
        }
        if (current == null) {
            throw new TransportException("cannot ask " + node + " for " + subject + ": not connected to " + (url == null ? "a broker" : url), null);
        }
        Session session = null;
        try {
            session = current.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer answers = session.createConsumer(replies);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(sealing.seal(body));
            message.setStringProperty("instanceName", asking.instanceName());
            message.setStringProperty("group", asking.group());
            message.setStringProperty("subject", subject);
            message.setJMSReplyTo(replies);
            MessageProducer producer = session.createProducer(session.createQueue(requestQueue(asking, node)));
            producer.send(message, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, timeout.toMillis());
            Message reply = answers.receive(timeout.toMillis());
            if (reply == null) {
                throw new TransportException("node " + node + " did not answer " + subject + " within " + timeout.toSeconds() + " s", null);
            }
            String error = reply.getStringProperty("error");
            if (error != null) {
                throw new TransportException("node " + node + " could not answer " + subject + ": " + error, null);
            }
            if (!(reply instanceof BytesMessage bytes)) {
                throw new TransportException("node " + node + " answered " + subject + " with a " + reply.getClass().getSimpleName(), null);
            }
            byte[] sealed = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(sealed);
            return sealing.unseal(sealed, subject + " from " + node);
        } catch (JMSException | InvalidEventException e) {
            throw new TransportException("cannot ask " + node + " for " + subject + " through " + url + ": " + e.getMessage(), e);
        } finally {
            if (session != null) {
                try {
                    session.close();
                } catch (JMSException e) {
                    LOG.debug("Closing the request session: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public AutoCloseable serveRequests(RequestResponder requestResponder) {
        this.responder = requestResponder;
        onConnector(this::updateResponder);
        return () -> {
            if (this.responder == requestResponder) {
                this.responder = null;
                onConnector(this::updateResponder);
            }
        };
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public String describe() {
        ClusterSettings current = settings;
        if (current == null) {
            return "not configured";
        }
        return (connected ? "connected to " : "connecting to ") + url + ", topic " + current.topicName()
                + (consumer == null ? ", not consuming" : ", consuming " + source(current)) + ", received " + received.get() + ", rejected " + rejected.get();
    }

    // ---------------------------------------------------------------- connection (connector thread only)

    private void reconnect(ClusterSettings changed) {
        disconnect();
        synchronized (this) {
            settings = changed;
            codec = new ClusterEventCodec(changed.secret());
        }
        connectUntilDone();
    }

    private void connectUntilDone() {
        while (!closed) {
            ClusterSettings current;
            synchronized (this) {
                current = settings;
            }
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
                LOG.warn("Cannot connect to broker {} yet: {}; retrying", url, e.getMessage());
                disconnect();
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
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
        // A send to a broker that went away fails after this, and the event stays in the outbox.
        factory.setSendTimeout(SEND_TIMEOUT_MILLIS);
        synchronized (this) {
            url = effective;
        }
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
                connected = false;
            }

            @Override
            public void transportInterupted() {
                connected = false;
                LOG.warn("Lost the connection to broker {}; reconnecting", effective);
            }

            @Override
            public void transportResumed() {
                connected = true;
                LOG.info("Reconnected to broker {}", effective);
            }
        });
        if (current.durable() && !isVirtualTopic(current)) {
            // A durable topic subscription is identified by client id and name: the node's name.
            created.setClientID(current.instanceName());
        }
        created.start();
        synchronized (this) {
            connection = created;
            producerSession = created.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = producerSession.createProducer(producerSession.createTopic(current.topicName()));
            statusProducer = producerSession.createProducer(producerSession.createTopic(statusTopic(current)));
            statusSession = created.createSession(false, Session.AUTO_ACKNOWLEDGE);
            statusSession.createConsumer(statusSession.createTopic(statusTopic(current))).setMessageListener(this::onStatus);
        }
        connected = true;
        LOG.info("Connected to broker {} as {} (topic {})", effective, current.instanceName(), current.topicName());
        updateConsumer();
        updateResponder();
    }

    /** Consumes while a handler is there and this node is a slave; stops consuming otherwise (events stay queued). */
    private void updateConsumer() {
        synchronized (this) {
            boolean wanted = handler != null && connection != null && settings != null && settings.toggleSlave();
            try {
                if (wanted && consumer == null) {
                    consumerSession = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                    consumer = createConsumer(consumerSession, settings);
                    Session session = consumerSession;
                    MessageConsumer source = consumer;
                    Thread receiver = new Thread(() -> consume(session, source), "geoserver-cluster-jms-consumer");
                    receiver.setDaemon(true);
                    receiver.start();
                    LOG.info("Consuming cluster events from {}", source(settings));
                } else if (!wanted && consumer != null) {
                    closeConsumer();
                    LOG.info("Stopped consuming cluster events ({})", handler == null ? "no applier" : "toggleSlave=false");
                }
            } catch (JMSException e) {
                LOG.error("Cannot consume cluster events from {}: {}", source(settings), e.getMessage(), e);
                closeConsumer();
            }
        }
    }

    /** Listens on this node's request queue while a responder is there. */
    private void updateResponder() {
        synchronized (this) {
            boolean wanted = responder != null && connection != null && settings != null;
            try {
                if (wanted && requestSession == null) {
                    requestSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    Session session = requestSession;
                    session.createConsumer(session.createQueue(requestQueue(settings, settings.instanceName()))).setMessageListener(m -> onRequest(session, m));
                } else if (!wanted && requestSession != null) {
                    closeRequestSession();
                }
            } catch (JMSException e) {
                LOG.error("Cannot answer requests on {}: {}", requestQueue(settings, settings.instanceName()), e.getMessage(), e);
                closeRequestSession();
            }
        }
    }

    private void closeRequestSession() {
        try {
            if (requestSession != null) {
                requestSession.close();
            }
        } catch (JMSException e) {
            LOG.debug("Closing the request session: {}", e.getMessage());
        }
        requestSession = null;
    }

    /** Where a node receives requests: a queue beside the topic, named after the node. */
    private static String requestQueue(ClusterSettings settings, String node) {
        return baseName(settings) + ".request." + node;
    }

    private static MessageConsumer createConsumer(Session session, ClusterSettings settings) throws JMSException {
        if (!settings.durable()) {
            return session.createConsumer(session.createTopic(settings.topicName()));
        }
        if (isVirtualTopic(settings)) {
            return session.createConsumer(session.createQueue(BrokerUrls.consumerQueue(settings.instanceName(), settings.topicName())));
        }
        Topic topic = session.createTopic(settings.topicName());
        return session.createDurableSubscriber(topic, settings.instanceName());
    }

    /** A plain topic beside the events' one: statuses are not kept for absent nodes. */
    private static String statusTopic(ClusterSettings settings) {
        return baseName(settings) + ".status";
    }

    /** The topic's name without the virtual topic prefix, for the destinations beside it. */
    private static String baseName(ClusterSettings settings) {
        return settings.topicName().replaceFirst("^VirtualTopic\\.", "");
    }

    private static boolean isVirtualTopic(ClusterSettings settings) {
        return settings.topicName().startsWith("VirtualTopic.");
    }

    private static String source(ClusterSettings settings) {
        if (!settings.durable()) {
            return "topic " + settings.topicName();
        }
        return isVirtualTopic(settings) ? "queue " + BrokerUrls.consumerQueue(settings.instanceName(), settings.topicName())
                : "durable subscription " + settings.instanceName() + " on " + settings.topicName();
    }

    private void closeConsumer() {
        consumer = null; // first: tells the receiving thread to stop, not to report the close as a failure
        try {
            if (consumerSession != null) {
                consumerSession.close();
            }
        } catch (JMSException e) {
            LOG.debug("Closing the consumer session: {}", e.getMessage());
        }
        consumerSession = null;
    }

    private void disconnect() {
        Connection closing;
        synchronized (this) {
            closeConsumer();
            closeRequestSession();
            closing = connection;
            connection = null;
            producer = null;
            statusProducer = null;
            statusSession = null;
            producerSession = null;
        }
        connected = false;
        ActiveMQConnection pending = opening;
        opening = null;
        if (closing != null) {
            closeQuietly(closing);
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

    // ---------------------------------------------------------------- receiving

    /** Answers one request on the session's own thread; a failure is answered too, so the asking node need not wait. */
    private void onRequest(Session session, Message message) {
        String from = "(unknown node)";
        String subject = "(no subject)";
        try {
            from = String.valueOf(message.getStringProperty("instanceName"));
            subject = String.valueOf(message.getStringProperty("subject"));
            Destination replyTo = message.getJMSReplyTo();
            if (replyTo == null) {
                LOG.warn("Ignoring request {} from {}: it names no reply destination", subject, from);
                return;
            }
            BytesMessage reply = session.createBytesMessage();
            try {
                RequestResponder target = responder;
                if (target == null) {
                    throw new IllegalStateException("this node answers no requests now");
                }
                if (!configuration.current().group().equals(message.getStringProperty("group"))) {
                    throw new IllegalStateException("node " + from + " is in group " + message.getStringProperty("group") + ", not " + configuration.current().group());
                }
                if (!(message instanceof BytesMessage bytes)) {
                    throw new IllegalArgumentException("a request is a bytes message, not a " + message.getClass().getSimpleName());
                }
                byte[] sealed = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(sealed);
                reply.writeBytes(codec.seal(target.respond(from, subject, codec.unseal(sealed, subject + " request from " + from))));
            } catch (Exception e) {
                LOG.warn("Could not answer {} from {}: {}", subject, from, e.getMessage());
                reply.setStringProperty("error", e.getMessage() == null ? e.toString() : e.getMessage());
            }
            reply.setJMSCorrelationID(message.getJMSMessageID());
            try (MessageProducer producer = session.createProducer(replyTo)) {
                producer.send(reply, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, STATUS_TIME_TO_LIVE_MILLIS);
            }
        } catch (JMSException | RuntimeException e) {
            LOG.warn("Could not send the answer to {} from {}: {}", subject, from, e.getMessage());
        }
    }

    /**
     * Receives on its own thread until the consumer is replaced or closed. Under a backlog one
     * acknowledgement covers up to {@link #MAX_BATCH} events; it is sent as soon as no further
     * message is waiting, so a lone event is acknowledged at once, after the applier flushed it to
     * disk. Client acknowledgement rather than a transaction: the broker then takes the
     * acknowledgement without a disk sync of its own, which a commit costs, and an acknowledgement
     * lost in a crash only brings events again that the applier skips. A failure recovers the
     * session: the broker delivers the unacknowledged events again and the applier skips those it
     * already handled.
     */
    private void consume(Session session, MessageConsumer source) {
        Message last = null;
        int pending = 0;
        while (consumer == source && !closed) {
            Message message = null;
            try {
                message = pending == 0 ? source.receive(1_000) : source.receiveNoWait();
                if (message == null) {
                    if (pending > 0) {
                        acknowledge(last);
                        pending = 0;
                    }
                    continue;
                }
                handleMessage(message);
                last = message;
                if (++pending >= MAX_BATCH) {
                    acknowledge(last);
                    pending = 0;
                }
            } catch (Exception e) {
                if (consumer != source || closed) {
                    return; // closed under us: the unacknowledged events come again to the next consumer
                }
                LOG.warn("Could not apply message {}, the broker will deliver it again{}: {}", message == null ? "(acknowledgement)" : messageId(message),
                        pending > 0 ? " with the " + pending + " before it (already applied: they will be skipped)" : "", e.getMessage(), e);
                pending = 0;
                try {
                    session.recover();
                } catch (JMSException recover) {
                    LOG.warn("Recovering the session on {} failed: {}", source(settings), recover.getMessage());
                }
            }
        }
    }

    /** Acknowledges the batch (every event received so far) once the applier made it durable. */
    private void acknowledge(Message last) throws Exception {
        EventHandler target = handler;
        if (target != null) {
            target.flush();
        }
        last.acknowledge();
    }

    private void handleMessage(Message message) throws Exception {
        received.incrementAndGet();
        ClusterSettings current = configuration.current();
        ClusterEvent event = decode(message);
        if (event != null && !event.origin().equals(current.instanceName()) && event.group().equals(current.group())) {
            EventHandler target = handler;
            if (target == null) {
                throw new IllegalStateException("no applier to hand " + event + " to");
            }
            target.handle(event);
        }
    }

    private void onStatus(Message message) {
        try {
            if (!(message instanceof MapMessage map)) {
                return;
            }
            NodeStatus status = new NodeStatus(map.getString("instanceName"), map.getString("group"), map.getString("digest"), map.getInt("outbox"),
                    map.getLong("timestamp"), StatusFields.decode(map.getString("digestsByType")), map.itemExists("versions") ? map.getInt("versions") : 0,
                    map.itemExists("published") ? map.getLong("published") : 0, map.itemExists("receiving") && map.getBoolean("receiving"),
                    map.itemExists("readOnly") && map.getBoolean("readOnly"),
                    // Absent from an earlier version's statuses: a master and slave with nothing kept.
                    !map.itemExists("master") || map.getBoolean("master"), !map.itemExists("slave") || map.getBoolean("slave"),
                    map.itemExists("deferred") ? map.getInt("deferred") : 0, map.itemExists("failed") ? map.getInt("failed") : 0,
                    StatusFields.decodeLongs(map.itemExists("handled") ? map.getString("handled") : null),
                    StatusFields.decode(map.itemExists("kinds") ? map.getString("kinds") : null), map.itemExists("syncing") && map.getBoolean("syncing"));
            ClusterSettings current = configuration.current();
            if (status.instanceName() == null || status.instanceName().equals(current.instanceName()) || !current.group().equals(status.group())) {
                return;
            }
            for (StatusListener listener : statusListeners) {
                listener.statusReceived(status);
            }
        } catch (JMSException | RuntimeException e) {
            LOG.debug("Ignoring status message {}: {}", messageId(message), e.getMessage());
        }
    }

    /** The event in a message, or null when it is not one (logged and kept aside). */
    private ClusterEvent decode(Message message) throws JMSException, IOException {
        if (!(message instanceof BytesMessage bytes)) {
            reject(message, new byte[0], "not a bytes message (" + message.getClass().getSimpleName() + ")");
            return null;
        }
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        try {
            return codec.decode(body);
        } catch (InvalidEventException e) {
            reject(message, body, e.getMessage());
            return null;
        }
    }

    private void reject(Message message, byte[] body, String reason) throws JMSException, IOException {
        rejected.incrementAndGet();
        Files.createDirectories(rejectedDirectory);
        Path file = rejectedDirectory.resolve(messageId(message).replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
        Files.write(file, body);
        LOG.error("Rejected message {} from {}: {}; kept in {}", messageId(message), message.getStringProperty("instanceName"), reason, file);
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id)";
        }
    }
}
