package org.geoserver.cluster.api.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.EventTransport;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.StatusListener;
import org.geoserver.cluster.api.TransportException;

/** A connected transport for tests of other bundles: records what is sent; the first sends can be made to fail. */
public final class TestEventTransport implements EventTransport {

    public final List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    public final List<NodeStatus> statuses = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures;

    /** @param failures how many event sends fail before they succeed, as with an unreachable broker */
    public TestEventTransport(int failures) {
        this.failures = new AtomicInteger(failures);
    }

    @Override
    public void publish(ClusterEvent event) throws TransportException {
        if (failures.getAndDecrement() > 0) {
            throw new TransportException("broker unreachable", null);
        }
        events.add(event);
    }

    @Override
    public void publishStatus(NodeStatus status) {
        statuses.add(status);
    }

    @Override
    public AutoCloseable subscribeStatus(StatusListener listener) {
        return () -> { };
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public String describe() {
        return "test transport";
    }
}
