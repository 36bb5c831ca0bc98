package org.geoserver.cluster.transport.jms.internal;

import java.util.Locale;
import java.util.Set;
import org.geoserver.cluster.api.ClusterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The settings the transport connects with: the node's, with the keys its own PID sets in their place. */
final class TransportSettings {

    private static final Logger LOG = LoggerFactory.getLogger(TransportSettings.class);

    /** The flag words GeoServer's files use, as org.geoserver.cluster accepts them. */
    private static final Set<String> TRUE = Set.of("true", "enabled", "on", "yes");
    private static final Set<String> FALSE = Set.of("false", "disabled", "off", "no");

    private TransportSettings() {}

    /** The node's settings with every non-empty key of the transport's PID in place of its own; a durable value that is no flag is ignored, named in the log. */
    static ClusterSettings overlay(ClusterSettings node, JmsTransportConfig own) {
        if (own == null) {
            return node;
        }
        boolean durable = node.durable();
        String flag = own.durable().trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(flag)) {
            durable = true;
        } else if (FALSE.contains(flag)) {
            durable = false;
        } else if (!flag.isEmpty()) {
            LOG.error("Ignoring durable={} in {}: not true or false (enabled, disabled); durable={} of {} applies", flag, JmsTransportConfig.PID, durable, ClusterSettings.PID);
        }
        return new ClusterSettings(node.instanceName(), node.group(), or(own.brokerURL(), node.brokerURL()), or(own.topicName(), node.topicName()),
                node.connection(), node.toggleMaster(), node.toggleSlave(), node.readOnly(), durable, or(own.user(), node.user()),
                own.password() == null || own.password().isEmpty() ? node.password() : own.password(), node.secret(), node.autoResync());
    }

    private static String or(String own, String node) {
        return own == null || own.trim().isEmpty() ? node : own.trim();
    }
}
