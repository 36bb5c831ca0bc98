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
 * @param master whether it publishes its changes
 * @param slave whether it applies other nodes' changes
 * @param deferred events it keeps waiting for objects they reference
 * @param failed events it keeps because they cannot be applied
 * @param handled per origin node, the last sequence it handled (applied, skipped or kept), so that a
 *     peer knows how far behind it the node is
 * @param kinds per replicated resource kind the node has, that kind's digest: a peer compares the
 *     kinds both have, and names the others; empty from a node of an earlier version (catalog only)
 * @param syncing whether it is joining ({@link JoinStatus}): it holds no configuration of its own
 *     yet, so it is no snapshot source, and a load balancer should not send it requests
 */
public record NodeStatus(String instanceName, String group, String digest, int outbox, long timestamp, Map<String, String> digestsByType, int versions,
        long published, boolean receiving, boolean readOnly, boolean master, boolean slave, int deferred, int failed, Map<String, Long> handled,
        Map<String, String> kinds, boolean syncing) {

    public NodeStatus {
        digestsByType = Map.copyOf(digestsByType);
        handled = Map.copyOf(handled);
        kinds = Map.copyOf(kinds);
    }

    /** A status that does not say whether it is syncing (a node of an earlier version: it is not). */
    public NodeStatus(String instanceName, String group, String digest, int outbox, long timestamp, Map<String, String> digestsByType, int versions,
            long published, boolean receiving, boolean readOnly, boolean master, boolean slave, int deferred, int failed, Map<String, Long> handled,
            Map<String, String> kinds) {
        this(instanceName, group, digest, outbox, timestamp, digestsByType, versions, published, receiving, readOnly, master, slave, deferred, failed,
                handled, kinds, false);
    }

    /** A status that does not name its kinds (a node of an earlier version: the catalog only). */
    public NodeStatus(String instanceName, String group, String digest, int outbox, long timestamp, Map<String, String> digestsByType, int versions,
            long published, boolean receiving, boolean readOnly, boolean master, boolean slave, int deferred, int failed, Map<String, Long> handled) {
        this(instanceName, group, digest, outbox, timestamp, digestsByType, versions, published, receiving, readOnly, master, slave, deferred, failed,
                handled, Map.of());
    }

    /** A status without roles, kept events or progress (a node of an earlier version sends none): master and slave, nothing kept. */
    public NodeStatus(String instanceName, String group, String digest, int outbox, long timestamp, Map<String, String> digestsByType, int versions,
            long published, boolean receiving, boolean readOnly) {
        this(instanceName, group, digest, outbox, timestamp, digestsByType, versions, published, receiving, readOnly, true, true, 0, 0, Map.of());
    }
}
