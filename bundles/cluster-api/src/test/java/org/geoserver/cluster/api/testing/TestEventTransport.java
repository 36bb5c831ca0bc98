package org.geoserver.cluster.api.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.EventTransport;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.RequestResponder;
import org.geoserver.cluster.api.StatusListener;
import org.geoserver.cluster.api.TransportException;

/**
 * A connected transport for tests of other bundles: records what is sent; the first sends can be
 * made to fail; requests go to the responders of the transports put in {@link #nodes}.
 */
public final class TestEventTransport implements EventTransport {

    public final List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    public final List<NodeStatus> statuses = new CopyOnWriteArrayList<>();
    /** The other nodes requests can reach, by instance name. */
    public final Map<String, TestEventTransport> nodes = new ConcurrentHashMap<>();
    private final AtomicInteger failures;
    private volatile RequestResponder responder;

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
    public byte[] request(String node, String subject, byte[] body, Duration timeout) throws TransportException {
        TestEventTransport target = nodes.get(node);
        RequestResponder answering = target == null ? null : target.responder;
        if (answering == null) {
            throw new TransportException("node " + node + " did not answer " + subject + " within " + timeout, null);
        }
        try {
            return answering.respond("test", subject, body);
        } catch (Exception e) {
            throw new TransportException("node " + node + " could not answer " + subject + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AutoCloseable serveRequests(RequestResponder requestResponder) {
        this.responder = requestResponder;
        return () -> this.responder = null;
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
