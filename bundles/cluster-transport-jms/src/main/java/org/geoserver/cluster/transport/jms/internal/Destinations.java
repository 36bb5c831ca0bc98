package org.geoserver.cluster.transport.jms.internal;

import org.geoserver.cluster.api.ClusterSettings;

/** The names of the destinations the transport uses, all derived from the settings' topic name. */
final class Destinations {

    private Destinations() {}

    /** Where a node receives requests: a queue beside the topic, named after the node. */
    static String requestQueue(ClusterSettings settings, String node) {
        return baseName(settings) + ".request." + node;
    }

    /** A plain topic beside the events' one: statuses are not kept for absent nodes. */
    static String statusTopic(ClusterSettings settings) {
        return baseName(settings) + ".status";
    }

    static boolean isVirtualTopic(ClusterSettings settings) {
        return settings.topicName().startsWith("VirtualTopic.");
    }

    /** Where this node's events come from, for the log and status output. */
    static String source(ClusterSettings settings) {
        if (!settings.durable()) {
            return "topic " + settings.topicName();
        }
        return isVirtualTopic(settings) ? "queue " + BrokerUrls.consumerQueue(settings.instanceName(), settings.topicName())
                : "durable subscription " + settings.instanceName() + " on " + settings.topicName();
    }

    /** The topic's name without the virtual topic prefix, for the destinations beside it. */
    private static String baseName(ClusterSettings settings) {
        return settings.topicName().replaceFirst("^VirtualTopic\\.", "");
    }
}
