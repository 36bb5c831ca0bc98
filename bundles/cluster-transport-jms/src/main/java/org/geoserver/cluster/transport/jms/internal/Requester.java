package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.InvalidEventException;
import org.geoserver.cluster.api.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks another node on its request queue and waits for the answer on a temporary queue, with a session per request. */
final class Requester {

    private static final Logger LOG = LoggerFactory.getLogger(Requester.class);

    private Requester() {}

    static byte[] ask(BrokerLink link, String node, String subject, byte[] body, Duration timeout) throws TransportException {
        ClusterSettings asking = link.settings();
        Session session = null;
        try {
            // A session of its own: requests run concurrently with each other and with every send.
            session = link.connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer answers = session.createConsumer(replies);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(link.codec().seal(body));
            message.setStringProperty("instanceName", asking.instanceName());
            message.setStringProperty("group", asking.group());
            message.setStringProperty("subject", subject);
            message.setJMSReplyTo(replies);
            MessageProducer producer = session.createProducer(session.createQueue(Destinations.requestQueue(asking, node)));
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
            return link.codec().unseal(sealed, subject + " from " + node);
        } catch (JMSException | InvalidEventException e) {
            throw new TransportException("cannot ask " + node + " for " + subject + " through " + link.url() + ": " + e.getMessage(), e);
        } finally {
            if (session != null) {
                try {
                    session.close();
                } catch (JMSException e) {
                    LOG.debug("Closing the request session to {}: {}", link.url(), e.getMessage());
                }
            }
        }
    }
}
