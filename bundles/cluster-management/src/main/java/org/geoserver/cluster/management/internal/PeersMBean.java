package org.geoserver.cluster.management.internal;

/** The peers heard of, over JMX ({@code org.geoserver.cluster:type=Peers}). */
public interface PeersMBean {

    /** How many peers this node heard of. */
    int getCount();

    /** One line per peer: its name, whether its configuration equals this node's (else the types that differ), its outbox, when last heard. */
    String[] getPeers();

    /** The peers whose configuration differs from this node's. */
    String[] getDiffering();
}
