package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.TransportException;

/** Sends this node's events to the topic as persistent messages, one at a time, on a session of its own. */
final class EventSender {

    /** A session is single-threaded: event sends wait for each other, and for nothing else. */
    private final Object sending = new Object();
    private final Session session;
    private final MessageProducer producer;
    private final ClusterEventCodec codec;
    private final String url;

    EventSender(Connection connection, ClusterSettings settings, ClusterEventCodec codec, String url) throws JMSException {
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.producer = session.createProducer(session.createTopic(settings.topicName()));
        this.codec = codec;
        this.url = url;
    }

    /** Returns once the broker stored the event; fails when it did not within the send timeout or the link closed meanwhile. */
    void send(ClusterEvent event) throws TransportException {
        synchronized (sending) {
            try {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(codec.encode(event));
                message.setStringProperty("instanceName", event.origin());
                message.setStringProperty("group", event.group());
                message.setStringProperty("eventId", event.id());
                message.setLongProperty("sequence", event.sequence());
                // Persistent and outside a transaction: the send returns once the broker stored it.
                producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            } catch (JMSException e) {
                throw new TransportException("could not send " + event + " to " + url + ": " + e.getMessage(), e);
            }
        }
    }
}
