package org.geoserver.cluster.sync.internal;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport (or the part of it) a component is bound to, with what it subscribed there (statuses, requests): a new
 * transport replaces the subscription, and the transport going away closes it.
 */
final class BoundTransport<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BoundTransport.class);

    private final Function<T, AutoCloseable> subscribe;
    private volatile T transport;
    private AutoCloseable subscription;

    /** @param subscribe subscribes to a transport, returning the handle that ends it */
    BoundTransport(Function<T, AutoCloseable> subscribe) {
        this.subscribe = subscribe;
    }

    synchronized void bind(T service) {
        close();
        transport = service;
        subscription = subscribe.apply(service);
    }

    synchronized void unbind(T service) {
        if (transport == service) {
            close();
            transport = null;
        }
    }

    /** The transport now, or null. */
    T get() {
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
