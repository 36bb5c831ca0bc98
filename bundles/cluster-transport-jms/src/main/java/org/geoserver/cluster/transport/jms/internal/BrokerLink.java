package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.StatusListener;

/** An open broker connection with the settings, codec and sending channels it was opened with, replaced only as a whole. */
record BrokerLink(Connection connection, String url, ClusterSettings settings, ClusterEventCodec codec, EventSender events, StatusChannel statuses) {

    // Immutable, so a caller that holds one never mixes parts of an old link with parts of a new one.

    /** Opens the event and status channels on a started connection. */
    static BrokerLink open(Connection connection, String url, ClusterSettings settings, StatusListener statuses) throws JMSException {
        ClusterEventCodec codec = new ClusterEventCodec(settings.secret());
        return new BrokerLink(connection, url, settings, codec, new EventSender(connection, settings, codec, url),
                new StatusChannel(connection, settings, url, statuses));
    }
}
