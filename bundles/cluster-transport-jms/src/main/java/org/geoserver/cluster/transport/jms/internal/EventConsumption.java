package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.EventHandler;
import org.geoserver.cluster.api.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the events of this node's queue to the handler on a receiving thread of its own while
 * there is a handler and the node is a slave, acknowledging them in batches once the handler
 * flushed them.
 */
final class EventConsumption implements LinkUser {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumption.class);
    /** Most events applied under one acknowledgement of the consumer. */
    static final int MAX_BATCH = 200;

    private final ClusterConfiguration configuration;
    private final Supplier<EventHandler> handler;
    private final RejectedMessages rejected;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean closed;
    // Replaced on the connector thread only; volatile for the receiving thread and describe().
    private volatile MessageConsumer consumer;
    private Session session;
    /** Where the session consumes from, for the log; the connector thread's only, like the session. */
    private String from;

    EventConsumption(ClusterConfiguration configuration, Supplier<EventHandler> handler, RejectedMessages rejected) {
        this.configuration = configuration;
        this.handler = handler;
        this.rejected = rejected;
    }

    /** Consumes while a handler is there and this node is a slave; stops consuming otherwise (events stay queued). */
    @Override
    public void update(BrokerLink link) {
        ClusterSettings settings = link == null ? null : link.settings();
        boolean wanted = handler.get() != null && link != null && settings.toggleSlave();
        try {
            if (wanted && consumer == null) {
                from = Destinations.source(settings);
                session = link.connection().createSession(false, Session.CLIENT_ACKNOWLEDGE);
                consumer = createConsumer(session, settings);
                Session receiving = session;
                MessageConsumer source = consumer;
                ClusterEventCodec codec = link.codec();
                Thread receiver = new Thread(() -> consume(receiving, source, codec, settings), "geoserver-cluster-jms-consumer");
                receiver.setDaemon(true);
                receiver.start();
                LOG.info("Consuming cluster events from {}", Destinations.source(settings));
            } else if (!wanted && consumer != null) {
                String stopped = from;
                release();
                LOG.info("Stopped consuming cluster events ({}) from {}", handler.get() == null ? "no applier" : "toggleSlave=false", stopped);
            }
        } catch (JMSException e) {
            LOG.error("Cannot consume cluster events from {}: {}", Destinations.source(settings), e.getMessage(), e);
            release();
        }
    }

    @Override
    public void release() {
        consumer = null; // first: tells the receiving thread to stop, not to report the close as a failure
        try {
            if (session != null) {
                session.close();
            }
        } catch (JMSException e) {
            LOG.debug("Closing the consumer session on {}: {}", from, e.getMessage());
        }
        session = null;
        from = null;
    }

    /** Stops the receiving thread for good; the connector releases the session. */
    void close() {
        closed = true;
    }

    boolean isConsuming() {
        return consumer != null;
    }

    /** Events of other nodes received since the transport started. */
    long received() {
        return received.get();
    }

    private static MessageConsumer createConsumer(Session session, ClusterSettings settings) throws JMSException {
        if (!settings.durable()) {
            return session.createConsumer(session.createTopic(settings.topicName()));
        }
        if (Destinations.isVirtualTopic(settings)) {
            return session.createConsumer(session.createQueue(BrokerUrls.consumerQueue(settings.instanceName(), settings.topicName())));
        }
        return session.createDurableSubscriber(session.createTopic(settings.topicName()), settings.instanceName());
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
    private void consume(Session receiving, MessageConsumer source, ClusterEventCodec codec, ClusterSettings settings) {
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
                handleMessage(message, codec);
                last = message;
                if (++pending >= MAX_BATCH) {
                    acknowledge(last);
                    pending = 0;
                }
            } catch (Exception e) {
                if (consumer != source || closed) {
                    return; // closed under us: the unacknowledged events come again to the next consumer
                }
                LOG.warn("Could not apply message {}, the broker will deliver it again{}: {}", message == null ? "(acknowledgement)" : MessageIds.of(message),
                        pending > 0 ? " with the " + pending + " before it (already applied: they will be skipped)" : "", e.getMessage(), e);
                pending = 0;
                try {
                    receiving.recover();
                } catch (JMSException recover) {
                    LOG.warn("Recovering the session on {} failed: {}", Destinations.source(settings), recover.getMessage());
                }
            }
        }
    }

    /** Acknowledges the batch (every event received so far) once the applier made it durable. */
    private void acknowledge(Message last) throws Exception {
        EventHandler target = handler.get();
        if (target != null) {
            target.flush();
        }
        last.acknowledge();
    }

    private void handleMessage(Message message, ClusterEventCodec codec) throws Exception {
        received.incrementAndGet();
        ClusterSettings current = configuration.current();
        ClusterEvent event = decode(message, codec);
        if (event != null && !event.origin().equals(current.instanceName()) && event.group().equals(current.group())) {
            EventHandler target = handler.get();
            if (target == null) {
                throw new IllegalStateException("no applier to hand " + event + " to");
            }
            target.handle(event);
        }
    }

    /** The event in a message, or null when it is not one (logged and kept aside). */
    private ClusterEvent decode(Message message, ClusterEventCodec codec) throws JMSException, IOException {
        if (!(message instanceof BytesMessage bytes)) {
            rejected.keep(message, new byte[0], "not a bytes message (" + message.getClass().getSimpleName() + ")");
            return null;
        }
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        try {
            return codec.decode(body);
        } catch (InvalidEventException e) {
            rejected.keep(message, body, e.getMessage());
            return null;
        }
    }
}
