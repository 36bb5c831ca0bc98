package org.geoserver.cluster.api;

import java.util.Map;

/**
 * What a node tells the others every few seconds, so that each node knows its peers and whether
 * their configuration is the same as its own.
 *
 * @param instanceName the node
 * @param group its group
 * @param digest its configuration digest ({@link ConfigurationDigest#digest()})
 * @param outbox events it has not sent yet (a differing digest is expected while this is not 0)
 * @param timestamp when it was sent, milliseconds since the epoch
 * @param digestsByType its digest per object type, to name where two configurations differ
 * @param versions how many object versions its ledger knows: 0 for a node that never took part in
 *     the cluster, which takes a snapshot rather than offering its configuration
 * @param published the sequence of the last event it captured since it started (0 when none), so
 *     that a peer that has not handled it yet knows it is still receiving, not drifted
 * @param receiving whether it knows of events of peers it has not handled yet (or does not consume
 *     them now): its configuration may differ without having drifted
 * @param readOnly whether it keeps other nodes' changes in memory only (shared data directory): its
 *     own files may lack them, so it is a snapshot source only when no other node is there
 */
public record NodeStatus(String instanceName, String group, String digest, int outbox, long timestamp, Map<String, String> digestsByType, int versions,
        long published, boolean receiving, boolean readOnly) {

    public NodeStatus {
        digestsByType = Map.copyOf(digestsByType);
    }
}
