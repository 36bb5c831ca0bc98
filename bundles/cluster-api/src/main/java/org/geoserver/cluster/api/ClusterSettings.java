package org.geoserver.cluster.api;

/**
 * The cluster configuration of this node (Config Admin PID {@code org.geoserver.cluster}), with
 * the key names and defaults of GeoServer's {@code cluster.properties}.
 *
 * @param instanceName unique name of this node; stamped on its events
 * @param group nodes only exchange events within one group
 * @param brokerURL the broker to connect to; empty means the embedded broker of this node
 * @param topicName the topic events are published to
 * @param connection whether the transport connects
 * @param toggleMaster whether local changes are published
 * @param toggleSlave whether events of other nodes are applied
 * @param readOnly whether changes from other nodes stay in memory only (shared data directory)
 * @param durable whether the broker keeps this node's events while it is away
 * @param user broker user, empty for none
 * @param password broker password
 * @param secret shared secret signing events (HMAC-SHA256); empty sends unsigned events
 * @param autoResync whether a node that is new, or whose configuration stays different from its
 *     peers', takes a snapshot from a peer by itself
 */
public record ClusterSettings(
        String instanceName,
        String group,
        String brokerURL,
        String topicName,
        boolean connection,
        boolean toggleMaster,
        boolean toggleSlave,
        boolean readOnly,
        boolean durable,
        String user,
        String password,
        String secret,
        boolean autoResync) {

    public static final String PID = "org.geoserver.cluster";

    @Override
    public String toString() {
        return "instanceName=" + instanceName + ", group=" + group + ", brokerURL=" + brokerURL + ", topicName=" + topicName
                + ", connection=" + (connection ? "enabled" : "disabled") + ", toggleMaster=" + toggleMaster + ", toggleSlave=" + toggleSlave
                + ", readOnly=" + (readOnly ? "enabled" : "disabled") + ", durable=" + durable + ", user=" + (user.isEmpty() ? "(none)" : user)
                + ", signed=" + !secret.isEmpty() + ", autoResync=" + autoResync;
    }
}
