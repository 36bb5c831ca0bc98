package org.geoserver.cluster.outbox.internal;

import java.io.IOException;
import java.util.Optional;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.EventTransport;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.TransportException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox, oldest first, through whichever transport is there; an event leaves the outbox
 * only once the transport confirmed it. Without a transport (stopped, being updated) or without a
 * broker, events wait and go out in order when it is back.
 */
@Component(immediate = true)
public class OutboxPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Outbox outbox;
    private final Thread sender;
    private volatile EventTransport transport;
    private volatile boolean running = true;

    @Activate
    public OutboxPublisher(@Reference Outbox outbox) {
        this.outbox = outbox;
        this.sender = new Thread(this::sendLoop, "geoserver-cluster-outbox-publisher");
        sender.setDaemon(true);
        sender.start();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setTransport(EventTransport service) {
        this.transport = service;
        synchronized (this) {
            notifyAll();
        }
    }

    void unsetTransport(EventTransport service) {
        if (this.transport == service) {
            this.transport = null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        sender.interrupt();
        sender.join(10_000);
    }

    private void sendLoop() {
        long backoff = 100;
        String lastProblem = null;
        while (running) {
            try {
                Optional<ClusterEvent> next = outbox.peek();
                if (next.isEmpty()) {
                    outbox.awaitEvent(1_000);
                    continue;
                }
                EventTransport current = transport;
                if (current == null || !current.isConnected()) {
                    String problem = current == null ? "no transport" : "transport not connected (" + current.describe() + ")";
                    if (!problem.equals(lastProblem)) {
                        LOG.warn("{} events wait in the outbox: {}", outbox.size(), problem);
                        lastProblem = problem;
                    }
                    pause(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                    continue;
                }
                current.publish(next.get());
                outbox.remove(next.get());
                backoff = 100;
                if (lastProblem != null) {
                    LOG.info("Sending the outbox again ({} events left)", outbox.size());
                    lastProblem = null;
                }
            } catch (TransportException e) {
                if (!e.getMessage().equals(lastProblem)) {
                    LOG.warn("Could not send the outbox, will retry: {}", e.getMessage());
                    lastProblem = e.getMessage();
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } catch (IOException e) {
                LOG.error("Cannot read the outbox: {}", e.getMessage(), e);
                pause(MAX_BACKOFF_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void pause(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
