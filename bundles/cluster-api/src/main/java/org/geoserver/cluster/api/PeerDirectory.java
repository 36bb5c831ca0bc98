package org.geoserver.cluster.api;

import java.util.List;

/** The other nodes of the group this node has heard from, with their last status. */
public interface PeerDirectory {

    /**
     * A peer as last heard of, compared with this node at that moment: {@code differingTypes} names
     * the object types whose digests differ, empty when the configurations are the same.
     */
    record Peer(NodeStatus status, List<String> differingTypes, long lastSeen) {
        public boolean sameDigest() {
            return differingTypes.isEmpty();
        }
    }

    List<Peer> peers();
}
