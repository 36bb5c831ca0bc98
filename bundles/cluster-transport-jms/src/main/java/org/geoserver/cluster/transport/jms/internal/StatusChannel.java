package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.StatusListener;
import org.geoserver.cluster.api.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries node statuses over the status topic: sends this node's, decodes the other nodes' of the group for a listener. */
final class StatusChannel {

    private static final Logger LOG = LoggerFactory.getLogger(StatusChannel.class);
    private static final long TIME_TO_LIVE_MILLIS = 30_000;

    /** Status sends wait for each other only: never for an event send, which has a session of its own. */
    private final Object sending = new Object();
    private final Session sendSession;
    private final MessageProducer producer;
    private final ClusterSettings settings;
    private final StatusListener listener;
    private final String url;

    /** Opens a session to send on and one that receives (a session is single-threaded, and receiving runs on its own thread). */
    StatusChannel(Connection connection, ClusterSettings settings, String url, StatusListener listener) throws JMSException {
        this.settings = settings;
        this.url = url;
        this.listener = listener;
        this.sendSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.producer = sendSession.createProducer(sendSession.createTopic(Destinations.statusTopic(settings)));
        Session receiving = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        receiving.createConsumer(receiving.createTopic(Destinations.statusTopic(settings))).setMessageListener(this::onMessage);
    }

    void send(NodeStatus status) throws TransportException {
        synchronized (sending) {
            try {
                MapMessage message = sendSession.createMapMessage();
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
                producer.send(message, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, TIME_TO_LIVE_MILLIS);
            } catch (JMSException e) {
                throw new TransportException("could not send the status of " + status.instanceName() + " to " + url + ": " + e.getMessage(), e);
            }
        }
    }

    /** Hands on the statuses of the group's other nodes; a status is best effort, so a bad one is only logged. */
    private void onMessage(Message message) {
        try {
            if (!(message instanceof MapMessage map)) {
                return;
            }
            NodeStatus status = decode(map);
            if (status.instanceName() == null || status.instanceName().equals(settings.instanceName()) || !settings.group().equals(status.group())) {
                return;
            }
            listener.statusReceived(status);
        } catch (JMSException | RuntimeException e) {
            LOG.debug("Ignoring status message {}: {}", MessageIds.of(message), e.getMessage());
        }
    }

    private static NodeStatus decode(MapMessage map) throws JMSException {
        return new NodeStatus(map.getString("instanceName"), map.getString("group"), map.getString("digest"), map.getInt("outbox"),
                map.getLong("timestamp"), StatusFields.decode(map.getString("digestsByType")), map.itemExists("versions") ? map.getInt("versions") : 0,
                map.itemExists("published") ? map.getLong("published") : 0, map.itemExists("receiving") && map.getBoolean("receiving"),
                map.itemExists("readOnly") && map.getBoolean("readOnly"),
                // Absent from an earlier version's statuses: a master and slave with nothing kept.
                !map.itemExists("master") || map.getBoolean("master"), !map.itemExists("slave") || map.getBoolean("slave"),
                map.itemExists("deferred") ? map.getInt("deferred") : 0, map.itemExists("failed") ? map.getInt("failed") : 0,
                StatusFields.decodeLongs(map.itemExists("handled") ? map.getString("handled") : null),
                StatusFields.decode(map.itemExists("kinds") ? map.getString("kinds") : null), map.itemExists("syncing") && map.getBoolean("syncing"));
    }
}
