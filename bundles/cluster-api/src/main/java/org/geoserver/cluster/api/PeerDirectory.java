package org.geoserver.cluster.api;

import java.util.List;

/** The other nodes of the group this node has heard from, with their last status. */
public interface PeerDirectory {

    /** A peer as last heard of; {@code sameDigest} compares with this node's digest at that moment. */
    record Peer(NodeStatus status, boolean sameDigest, long lastSeen) {}

    List<Peer> peers();
}
