package org.geoserver.cluster.api;

import java.util.List;

/** The other nodes of the group this node has heard from, with their last status. */
public interface PeerDirectory {

    /**
     * A peer as last heard of, compared with this node at that moment: {@code differingTypes} names
     * the object types whose digests differ, empty when the configurations are the same;
     * {@code differingObjects} the objects ("type id") found different once the difference lasted.
     */
    record Peer(NodeStatus status, List<String> differingTypes, List<String> differingObjects, long lastSeen) {
        public Peer {
            differingTypes = List.copyOf(differingTypes);
            differingObjects = List.copyOf(differingObjects);
        }

        public boolean sameDigest() {
            return differingTypes.isEmpty();
        }
    }

    List<Peer> peers();
}
