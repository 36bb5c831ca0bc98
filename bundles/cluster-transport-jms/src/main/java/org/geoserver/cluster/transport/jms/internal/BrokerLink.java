package org.geoserver.cluster.transport.jms.internal;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.StatusListener;

/**
 * An open connection to the broker together with the settings and codec it was opened with and
 * the channels that send on it. Immutable: the connector replaces it as a whole, so a caller that
 * holds one never sees half of an old link and half of a new one.
 */
record BrokerLink(Connection connection, String url, ClusterSettings settings, ClusterEventCodec codec, EventSender events, StatusChannel statuses) {

    /** Opens the event and status channels on a started connection. */
    static BrokerLink open(Connection connection, String url, ClusterSettings settings, StatusListener statuses) throws JMSException {
        ClusterEventCodec codec = new ClusterEventCodec(settings.secret());
        return new BrokerLink(connection, url, settings, codec, new EventSender(connection, settings, codec, url),
                new StatusChannel(connection, settings, url, statuses));
    }
}
