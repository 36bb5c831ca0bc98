package org.geoserver.cluster.applier.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.ClusterClock;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.EventHandler;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.catalog.xml.XmlFormatException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the events of other nodes to the local catalog, as changes marked with their origin (so
 * they are not captured again). Idempotent: an event already handled is skipped, and a change only
 * applies if its version is later than the object's known version, which also resolves concurrent
 * edits the same way on every node. An event whose references are missing waits in a durable
 * deferred store and is retried after every applied event; one that can never apply is kept in a
 * failed store for inspection. Neither blocks later events.
 */
@Component(service = {EventHandler.class, ApplierStatus.class}, immediate = true)
public class EventApplier implements EventHandler, ApplierStatus {

    private static final Logger LOG = LoggerFactory.getLogger(EventApplier.class);

    enum Outcome {
        APPLIED,
        DEFERRED,
        FAILED
    }

    private final Catalog catalog;
    private final ClusterClock clock;
    private final ReplicationLedger ledger;
    private final EventStore deferred;
    private final EventStore failed;
    private final InfoXml xml = new InfoXml();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    @Activate
    public EventApplier(@Reference Catalog catalog, @Reference ClusterClock clock, @Reference ReplicationLedger ledger) throws IOException {
        this(catalog, clock, ledger, Path.of(System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")), "cluster"));
    }

    EventApplier(Catalog catalog, ClusterClock clock, ReplicationLedger ledger, Path clusterDirectory) throws IOException {
        this.catalog = catalog;
        this.clock = clock;
        this.ledger = ledger;
        this.deferred = new EventStore(clusterDirectory.resolve("deferred"));
        this.failed = new EventStore(clusterDirectory.resolve("failed"));
    }

    @Override
    public synchronized void handle(ClusterEvent event) throws IOException {
        clock.observe(event.timestamp());
        if (event.sequence() <= ledger.lastSequence(event.origin())) {
            skipped.incrementAndGet();
            LOG.debug("Skipping {}: already handled", event);
            return;
        }
        Outcome outcome = apply(event);
        if (outcome == Outcome.DEFERRED) {
            deferred.keep(event, "waiting for referenced objects");
        }
        ledger.handled(event.origin(), event.sequence());
        if (outcome == Outcome.APPLIED) {
            retryDeferred();
        }
    }

    private Outcome apply(ClusterEvent event) throws IOException {
        Info info;
        try {
            info = xml.read(event.payload());
        } catch (XmlFormatException e) {
            return fail(event, "its payload is not a catalog object: " + e.getMessage());
        }
        if (!info.xml().name().equals(event.objectType()) || !event.objectId().equals(info.getId())) {
            return fail(event, "its payload is a <" + info.xml().name() + "> with id " + info.getId() + ", not the announced " + event.objectType() + " "
                    + event.objectId());
        }
        Version version = new Version(event.timestamp(), event.origin());
        Change change = switch (event.operation()) {
            case REMOVE -> event.purge() ? Change.remove(info).purging() : Change.remove(info);
            case ADD, MODIFY -> info.type().isSingleton() || catalog.getById(info.getId()) != null ? Change.save(info) : Change.add(info);
        };
        change = change.from(event.origin()).withStyleBody(event.styleBody()).onlyIf(() -> ledger.isNewer(event.objectId(), version));
        try {
            if (catalog.apply(change).isEmpty() && !ledger.isNewer(event.objectId(), version)) {
                skipped.incrementAndGet();
                LOG.debug("{} is older than the version of {} here; skipped", event, event.objectId());
            }
        } catch (CatalogException e) {
            switch (e.reason()) {
                case NOT_FOUND -> {
                    if (event.operation() != ClusterEvent.Operation.REMOVE) {
                        LOG.info("Deferring {}: {}", event, e.getMessage());
                        return Outcome.DEFERRED;
                    }
                    // Removing what is already gone: the removal holds.
                }
                case IN_USE -> {
                    LOG.info("Deferring {}: {}", event, e.getMessage());
                    return Outcome.DEFERRED;
                }
                case PERSISTENCE -> throw new IOException("could not write " + event + ": " + e.getMessage(), e);
                default -> {
                    return fail(event, e.getMessage());
                }
            }
        }
        ledger.advance(event.objectId(), version);
        applied.incrementAndGet();
        return Outcome.APPLIED;
    }

    private Outcome fail(ClusterEvent event, String reason) throws IOException {
        var file = failed.keep(event, reason);
        LOG.error("Cannot apply {}: {}; kept in {}", event, reason, file);
        return Outcome.FAILED;
    }

    /** Applies deferred events whose references arrived, repeating while that makes progress. */
    private void retryDeferred() throws IOException {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (EventStore.Kept kept : deferred.list()) {
                Outcome outcome = apply(kept.event());
                if (outcome != Outcome.DEFERRED) {
                    deferred.forget(kept);
                    progress |= outcome == Outcome.APPLIED;
                }
            }
        }
    }

    @Override
    public long applied() {
        return applied.get();
    }

    @Override
    public long skipped() {
        return skipped.get();
    }

    @Override
    public int deferred() {
        return count(deferred);
    }

    @Override
    public int failed() {
        return count(failed);
    }

    private static int count(EventStore store) {
        try {
            return store.size();
        } catch (IOException e) {
            LOG.warn("Cannot count the events in {}: {}", store.directory(), e.getMessage());
            return -1;
        }
    }
}
