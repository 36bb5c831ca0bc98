package org.geoserver.cluster.management.internal;

/** This node in the cluster, over JMX ({@code org.geoserver.cluster:type=Node}): its identity, roles, digest and outbox, and the switches. */
public interface NodeMBean {

    String getInstanceName();

    String getGroup();

    boolean isMaster();

    boolean isSlave();

    boolean isReadOnly();

    /** The configuration digest; equal on two nodes exactly when their configurations are. */
    String getDigest();

    /** Events of this node not sent yet; -1 while the outbox is not running. */
    int getOutbox();

    /** Turns publishing this node's changes on or off (saved in etc/org.geoserver.cluster.cfg). */
    void setMaster(boolean on) throws Exception;

    /** Turns applying other nodes' changes on or off (saved in etc/org.geoserver.cluster.cfg). */
    void setSlave(boolean on) throws Exception;

    /** Installs a snapshot of a peer's configuration and waits for it; null or empty for the best peer. Returns what changed. */
    String resync(String node) throws Exception;
}
