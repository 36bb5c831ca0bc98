package org.geoserver.cluster.api;

/** The node's {@link HybridLogicalClock}, shared by capture (stamps) and applier (observes). */
public interface ClusterClock {

    long now();

    void observe(long received);
}
