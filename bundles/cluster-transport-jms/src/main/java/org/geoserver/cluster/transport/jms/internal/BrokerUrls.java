package org.geoserver.cluster.transport.jms.internal;

/**
 * The URL the transport connects with: always through ActiveMQ's failover transport, so that the
 * node reconnects by itself, and with a send timeout, so that a send fails (and is retried from the
 * outbox) instead of hanging while the broker is away.
 */
final class BrokerUrls {

    static final String OPTIONS = "timeout=5000&initialReconnectDelay=100&maxReconnectDelay=2000";

    private BrokerUrls() {}

    static String effective(String url) {
        if (url.startsWith("vm:")) {
            return url;
        }
        if (!url.startsWith("failover:")) {
            return "failover:(" + url + ")?" + OPTIONS;
        }
        if (url.contains("timeout=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "timeout=5000";
    }

    /** The per-node queue of a virtual topic; dots would split the node name into several segments. */
    static String consumerQueue(String instanceName, String topicName) {
        return "Consumer." + instanceName.replace('.', '_') + "." + topicName;
    }
}
