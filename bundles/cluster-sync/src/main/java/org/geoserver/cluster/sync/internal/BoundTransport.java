package org.geoserver.cluster.sync.internal;

import java.util.function.Function;
import org.geoserver.cluster.api.EventTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport a component is bound to, with what it subscribed there (statuses, requests): a new
 * transport replaces the subscription, and the transport going away closes it.
 */
final class BoundTransport {

    private static final Logger LOG = LoggerFactory.getLogger(BoundTransport.class);

    private final Function<EventTransport, AutoCloseable> subscribe;
    private volatile EventTransport transport;
    private AutoCloseable subscription;

    /** @param subscribe subscribes to a transport, returning the handle that ends it */
    BoundTransport(Function<EventTransport, AutoCloseable> subscribe) {
        this.subscribe = subscribe;
    }

    synchronized void bind(EventTransport service) {
        close();
        transport = service;
        subscription = subscribe.apply(service);
    }

    synchronized void unbind(EventTransport service) {
        if (transport == service) {
            close();
            transport = null;
        }
    }

    /** The transport now, or null. */
    EventTransport get() {
        return transport;
    }

    synchronized void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Closing a subscription to {}: {}", transport, e.getMessage());
            }
            subscription = null;
        }
    }
}
