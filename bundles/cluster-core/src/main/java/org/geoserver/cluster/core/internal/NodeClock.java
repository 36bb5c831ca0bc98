package org.geoserver.cluster.core.internal;

import org.geoserver.cluster.api.ClusterClock;
import org.geoserver.cluster.api.HybridLogicalClock;
import org.osgi.service.component.annotations.Component;

/** The one hybrid logical clock of this node. */
@Component(service = ClusterClock.class)
public class NodeClock implements ClusterClock {

    private final HybridLogicalClock clock = new HybridLogicalClock();

    @Override
    public long now() {
        return clock.now();
    }

    @Override
    public void observe(long received) {
        clock.observe(received);
    }
}
