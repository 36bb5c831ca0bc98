package org.geoserver.cluster.api;

import java.util.List;

/** The other nodes of the group this node has heard from, with their last status. */
public interface PeerDirectory {

    /**
     * A peer as last heard of, compared with this node at that moment: {@code differingTypes} names
     * the object types whose digests differ, empty when the configurations are the same;
     * {@code differingObjects} the objects ("type id") found different once the difference lasted.
     * Only the kinds both nodes have are compared: {@code kindsMissingHere} names the replicated
     * resource kinds the peer has and this node lacks, {@code kindsMissingThere} the reverse.
     */
    record Peer(NodeStatus status, List<String> differingTypes, List<String> differingObjects, long lastSeen, List<String> kindsMissingHere,
            List<String> kindsMissingThere) {
        public Peer {
            differingTypes = List.copyOf(differingTypes);
            differingObjects = List.copyOf(differingObjects);
            kindsMissingHere = List.copyOf(kindsMissingHere);
            kindsMissingThere = List.copyOf(kindsMissingThere);
        }

        /** A peer with the same kinds as this node. */
        public Peer(NodeStatus status, List<String> differingTypes, List<String> differingObjects, long lastSeen) {
            this(status, differingTypes, differingObjects, lastSeen, List.of(), List.of());
        }

        public boolean sameDigest() {
            return differingTypes.isEmpty();
        }
    }

    List<Peer> peers();
}
