package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.function.Supplier;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.RequestResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the requests of other nodes on this node's request queue with the responder, while there is one. */
final class RequestAnswerer implements LinkUser {

    private static final Logger LOG = LoggerFactory.getLogger(RequestAnswerer.class);
    private static final long REPLY_TIME_TO_LIVE_MILLIS = 30_000;

    private final ClusterConfiguration configuration;
    private final Supplier<RequestResponder> responder;
    /** The session listening on the request queue; the connector thread's only. */
    private Session session;
    /** The queue the session listens on, for the log; the connector thread's only, like the session. */
    private String queue;

    RequestAnswerer(ClusterConfiguration configuration, Supplier<RequestResponder> responder) {
        this.configuration = configuration;
        this.responder = responder;
    }

    @Override
    public void update(BrokerLink link) {
        boolean wanted = responder.get() != null && link != null;
        try {
            if (wanted && session == null) {
                queue = Destinations.requestQueue(link.settings(), link.settings().instanceName());
                session = link.connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
                Session answering = session;
                ClusterEventCodec codec = link.codec();
                answering.createConsumer(answering.createQueue(queue)).setMessageListener(m -> onRequest(answering, codec, m));
            } else if (!wanted && session != null) {
                release();
            }
        } catch (JMSException e) {
            LOG.error("Cannot answer requests on {}: {}", queue, e.getMessage(), e);
            release();
        }
    }

    @Override
    public void release() {
        try {
            if (session != null) {
                session.close();
            }
        } catch (JMSException e) {
            LOG.debug("Closing the request session on {}: {}", queue, e.getMessage());
        }
        session = null;
        queue = null;
    }

    /** Answers one request on the session's own thread; a failure is answered too, so the asking node need not wait. */
    private void onRequest(Session answering, ClusterEventCodec codec, Message message) {
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
            BytesMessage reply = answering.createBytesMessage();
            try {
                RequestResponder target = responder.get();
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
            try (MessageProducer producer = answering.createProducer(replyTo)) {
                producer.send(reply, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, REPLY_TIME_TO_LIVE_MILLIS);
            }
        } catch (JMSException | RuntimeException e) {
            LOG.warn("Could not send the answer to {} from {}: {}", subject, from, e.getMessage());
        }
    }
}
