package org.geoserver.cluster.applier.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.geoserver.cluster.api.ApplierMetrics;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.ClusterClock;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.ConfigurationSnapshot;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.ConfigurationSnapshots;
import org.geoserver.cluster.api.EventHandler;
import org.geoserver.cluster.api.Histogram;
import org.geoserver.cluster.api.HybridLogicalClock;
import org.geoserver.cluster.api.KeptEvents;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.geoserver.cluster.api.StateFolder;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogReady;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogPersistence;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.StyleFiles;
import org.geoserver.cluster.catalog.api.StyleInfo;
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
 * failed store for inspection. Neither blocks later events. Snapshots are taken and installed under
 * the same lock as events are applied, so a snapshot's content matches its ledger progress.
 */
@Component(service = {EventHandler.class, ApplierStatus.class, ApplierMetrics.class, ConfigurationSnapshots.class, KeptEvents.class}, immediate = true)
public class EventApplier implements EventHandler, ApplierStatus, ApplierMetrics, ConfigurationSnapshots, KeptEvents {

    private static final Logger LOG = LoggerFactory.getLogger(EventApplier.class);

    enum Outcome {
        APPLIED,
        SKIPPED,
        DEFERRED,
        FAILED
    }

    private final Catalog catalog;
    private final ClusterClock clock;
    private final ReplicationLedger ledger;
    private final StyleFiles styleFiles;
    private final ClusterConfiguration configuration;
    /** The catalog's writer, to put applied changes on disk before the transport acknowledges them. */
    private final CatalogPersistence persistence;
    private final SnapshotMerge merge = new SnapshotMerge();
    private final EventStore deferred;
    private final EventStore failed;
    private final InfoXml xml = new InfoXml();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong deferredTotal = new AtomicLong();
    private final AtomicLong failedTotal = new AtomicLong();
    private final Map<String, Long> lastHandled = new ConcurrentHashMap<>();
    private final LatencyHistogram applyLatency = new LatencyHistogram();

    /** Waits for {@link CatalogReady}: an event applied before the data directory is loaded would be lost by the load. */
    @Activate
    public EventApplier(@Reference CatalogReady ready, @Reference Catalog catalog, @Reference ClusterClock clock, @Reference ReplicationLedger ledger, @Reference StyleFiles styleFiles,
            @Reference ClusterConfiguration configuration, @Reference CatalogPersistence persistence, @Reference StateFolder state) throws IOException {
        this(catalog, clock, ledger, styleFiles, configuration, persistence, state.path());
    }

    EventApplier(Catalog catalog, ClusterClock clock, ReplicationLedger ledger, StyleFiles styleFiles, ClusterConfiguration configuration,
            CatalogPersistence persistence, Path clusterDirectory) throws IOException {
        this.catalog = catalog;
        this.persistence = persistence;
        this.configuration = configuration;
        this.clock = clock;
        this.ledger = ledger;
        this.styleFiles = styleFiles;
        this.deferred = new EventStore(clusterDirectory.resolve("deferred"));
        this.failed = new EventStore(clusterDirectory.resolve("failed"));
    }

    /** An outcome, with the reason when the event is kept aside. */
    private record Attempt(Outcome outcome, String reason) {
        static final Attempt APPLIED_NOW = new Attempt(Outcome.APPLIED, null);
        static final Attempt SKIPPED_NOW = new Attempt(Outcome.SKIPPED, null);

        static Attempt deferred(String reason) {
            return new Attempt(Outcome.DEFERRED, "waiting for referenced objects: " + reason);
        }

        static Attempt failed(String reason) {
            return new Attempt(Outcome.FAILED, reason);
        }
    }

    @Override
    public synchronized void handle(ClusterEvent event) throws IOException {
        clock.observe(event.timestamp());
        if (event.sequence() <= ledger.lastSequence(event.origin())) {
            skipped.incrementAndGet();
            LOG.debug("Skipping {}: already handled", event);
            return;
        }
        Attempt attempt = apply(event);
        switch (attempt.outcome()) {
            case DEFERRED -> {
                deferred.keep(event, attempt.reason());
                deferredTotal.incrementAndGet();
            }
            case FAILED -> keepFailed(event, attempt.reason());
            case APPLIED -> applyLatency.observe(Math.max(0, System.currentTimeMillis() - HybridLogicalClock.millis(event.timestamp())) / 1000.0);
            default -> {}
        }
        lastHandled.put(event.origin(), event.timestamp());
        ledger.handledHeld(event.origin(), event.sequence());
        if (attempt.outcome() == Outcome.APPLIED) {
            retryDeferred();
        }
    }

    private void keepFailed(ClusterEvent event, String reason) throws IOException {
        var file = failed.keep(event, reason);
        failedTotal.incrementAndGet();
        LOG.error("Cannot apply {}: {}; kept in {}", event, reason, file);
    }

    private Attempt apply(ClusterEvent event) throws IOException {
        Info info;
        try {
            info = xml.read(event.payload());
        } catch (XmlFormatException e) {
            return Attempt.failed("its payload is not a catalog object: " + e.getMessage());
        }
        if (!info.xml().name().equals(event.objectType()) || !event.objectId().equals(info.getId())) {
            return Attempt.failed("its payload is a <" + info.xml().name() + "> with id " + info.getId() + ", not the announced " + event.objectType() + " "
                    + event.objectId());
        }
        Version version = new Version(event.timestamp(), event.origin());
        Change change = switch (event.operation()) {
            case REMOVE -> event.purge() ? Change.remove(info).purging() : Change.remove(info);
            case ADD, MODIFY -> info.type().isSingleton() || catalog.getById(info.getId()) != null ? Change.save(info) : Change.add(info);
        };
        change = change.from(event.origin()).by(event.user()).withStyleBody(event.styleBody()).onlyIf(() -> ledger.isNewer(event.objectId(), version));
        try {
            if (catalog.apply(change).isEmpty() && !ledger.isNewer(event.objectId(), version)) {
                skipped.incrementAndGet();
                LOG.debug("{} is not later than the version of {} here; skipped", event, event.objectId());
                return Attempt.SKIPPED_NOW;
            }
        } catch (CatalogException e) {
            switch (e.reason()) {
                case NOT_FOUND -> {
                    if (event.operation() != ClusterEvent.Operation.REMOVE) {
                        LOG.info("Deferring {}: {}", event, e.getMessage());
                        return Attempt.deferred(e.getMessage());
                    }
                    // Removing what is already gone: the removal holds.
                }
                case IN_USE -> {
                    LOG.info("Deferring {}: {}", event, e.getMessage());
                    return Attempt.deferred(e.getMessage());
                }
                case PERSISTENCE -> throw new IOException("could not write " + event + ": " + e.getMessage(), e);
                default -> {
                    return Attempt.failed(e.getMessage());
                }
            }
        }
        ledger.advanceHeld(event.objectId(), version);
        applied.incrementAndGet();
        return Attempt.APPLIED_NOW;
    }

    /** Applies deferred events whose references arrived, repeating while that makes progress. */
    private void retryDeferred() throws IOException {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (EventStore.Kept kept : deferred.list()) {
                Attempt attempt = apply(kept.event());
                if (attempt.outcome() == Outcome.FAILED) {
                    keepFailed(kept.event(), attempt.reason());
                }
                if (attempt.outcome() != Outcome.DEFERRED) {
                    deferred.forgetLater(kept); // once flush() wrote its change
                    progress |= attempt.outcome() == Outcome.APPLIED;
                }
            }
        }
    }

    // ---------------------------------------------------------------- kept events, for operators

    @Override
    public synchronized List<KeptEvent> kept() {
        List<KeptEvent> all = new ArrayList<>();
        deferred.list().forEach(k -> all.add(view(k, Kind.DEFERRED)));
        failed.list().forEach(k -> all.add(view(k, Kind.FAILED)));
        all.sort(Comparator.comparingLong(KeptEvent::keptAt).thenComparing(KeptEvent::id));
        return all;
    }

    @Override
    public synchronized Optional<KeptEvent> kept(String id) {
        EventStore.Kept found = deferred.get(id);
        if (found != null) {
            return Optional.of(view(found, Kind.DEFERRED));
        }
        found = failed.get(id);
        return found == null ? Optional.empty() : Optional.of(view(found, Kind.FAILED));
    }

    private static KeptEvent view(EventStore.Kept kept, Kind kind) {
        return new KeptEvent(kept.id(), kind, kept.event(), kept.reason(), kept.keptAt());
    }

    @Override
    public synchronized RetryOutcome retry(String id) throws IOException {
        EventStore store = storeOf(id);
        if (store == null) {
            throw new IllegalArgumentException("no deferred or failed event " + id);
        }
        EventStore.Kept kept = store.get(id);
        Attempt attempt = apply(kept.event());
        RetryOutcome outcome;
        switch (attempt.outcome()) {
            case DEFERRED, FAILED -> {
                EventStore target = attempt.outcome() == Outcome.DEFERRED ? deferred : failed;
                if (target == store) {
                    store.reason(kept, attempt.reason());
                } else {
                    target.keep(kept.event(), attempt.reason());
                    store.forgetLater(kept);
                }
                outcome = attempt.outcome() == Outcome.DEFERRED ? RetryOutcome.DEFERRED : RetryOutcome.FAILED;
            }
            default -> {
                store.forgetLater(kept);
                if (attempt.outcome() == Outcome.APPLIED) {
                    retryDeferred();
                }
                outcome = RetryOutcome.APPLIED;
            }
        }
        LOG.info("Retried kept event {} ({}): {}", id, kept.event(), outcome);
        durably("the retry of " + id);
        return outcome;
    }

    @Override
    public synchronized Map<String, RetryOutcome> retryAll() throws IOException {
        Map<String, RetryOutcome> outcomes = new LinkedHashMap<>();
        for (KeptEvent event : kept()) {
            // One applied along with an earlier one is no longer kept.
            outcomes.put(event.id(), storeOf(event.id()) == null ? RetryOutcome.APPLIED : retry(event.id()));
        }
        return outcomes;
    }

    @Override
    public synchronized boolean discard(String id) throws IOException {
        EventStore store = storeOf(id);
        if (store == null) {
            return false;
        }
        EventStore.Kept kept = store.get(id);
        store.forgetLater(kept);
        LOG.warn("Discarded kept event {} ({}), never to be applied", id, kept.event());
        durably("the discarding of " + id);
        return true;
    }

    private EventStore storeOf(String id) {
        return deferred.get(id) != null ? deferred : failed.get(id) != null ? failed : null;
    }

    private void durably(String what) throws IOException {
        try {
            flush();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(what + " could not be put on disk: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the handled events' files and the events kept aside on disk, then their ledger entries:
     * after a crash the ledger never claims a change the files lack.
     */
    @Override
    public synchronized void flush() throws Exception {
        persistence.sync();
        deferred.sync();
        failed.sync();
        ledger.keepHeld();
        deferred.deleteForgotten();
        failed.deleteForgotten();
    }

    @Override
    public synchronized ConfigurationSnapshot take() {
        // Versions before content: a local change between the two reads then arrives later with a
        // newer version and applies, where the other order would make it look already installed.
        Map<String, Version> versions = ledger.versions();
        Map<String, Long> progress = ledger.progress();
        List<SnapshotObject> objects = new ArrayList<>();
        for (Info info : catalog.list(Info.class)) {
            byte[] body = info instanceof StyleInfo style ? styleFiles.read(style, catalog).orElse(null) : null;
            objects.add(new SnapshotObject(info.xml().name(), info.getId(), xml.toXml(info), body));
        }
        List<ClusterEvent> pending = new ArrayList<>();
        deferred.list().forEach(kept -> pending.add(kept.event()));
        ClusterSettings settings = configuration.current();
        return new ConfigurationSnapshot(settings.instanceName(), settings.group(), System.currentTimeMillis(), objects, versions, progress, pending);
    }

    @Override
    public synchronized InstallReport install(ConfigurationSnapshot snapshot) throws IOException {
        SnapshotMerge.Result merged = merge.merge(snapshot, catalog, ledger.versions(), styleFiles, true);
        List<ChangeEvent> events;
        try {
            events = catalog.install(merged.contents(), merged.styleBodies(), snapshot.origin());
        } catch (CatalogException e) {
            if (e.reason() != CatalogException.Reason.INVALID || merged.keptLocal() == 0) {
                throw new IOException("cannot install the " + snapshot + ": " + e.getMessage(), e);
            }
            // What was kept from here no longer fits the snapshot (it refers to what the snapshot removed):
            // take the snapshot as it is; the local changes are in the outbox, and come back from the peers.
            LOG.warn("The {} does not fit the {} objects changed here later ({}); installing it as it is", snapshot, merged.keptLocal(), e.getMessage());
            merged = merge.merge(snapshot, catalog, ledger.versions(), styleFiles, false);
            try {
                events = catalog.install(merged.contents(), merged.styleBodies(), snapshot.origin());
            } catch (CatalogException again) {
                throw new IOException("cannot install the " + snapshot + ": " + again.getMessage(), again);
            }
        }
        try {
            persistence.sync(); // the files before the ledger's entries for them
        } catch (Exception e) {
            throw new IOException("the " + snapshot + " is installed but could not be put on disk: " + e.getMessage(), e);
        }
        ledger.merge(snapshot.versions(), snapshot.progress());
        Set<String> waiting = new HashSet<>();
        deferred.list().forEach(kept -> waiting.add(kept.event().id()));
        for (ClusterEvent event : snapshot.pending()) {
            if (waiting.add(event.id())) {
                deferred.keep(event, "waiting for referenced objects on " + snapshot.origin() + " when its snapshot was taken");
            }
        }
        retryDeferred();
        try {
            flush();
        } catch (Exception e) {
            throw new IOException("the " + snapshot + " is installed but could not be put on disk: " + e.getMessage(), e);
        }
        InstallReport report = new InstallReport(count(events, ChangeEvent.Kind.ADD), count(events, ChangeEvent.Kind.MODIFY),
                count(events, ChangeEvent.Kind.REMOVE), merged.keptLocal());
        LOG.info("Installed the {}: {}", snapshot, report);
        return report;
    }

    private static int count(List<ChangeEvent> events, ChangeEvent.Kind kind) {
        return (int) events.stream().filter(e -> e.kind() == kind).count();
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
        return deferred.size();
    }

    @Override
    public int failed() {
        return failed.size();
    }

    @Override
    public long deferredTotal() {
        return deferredTotal.get();
    }

    @Override
    public long failedTotal() {
        return failedTotal.get();
    }

    @Override
    public Map<String, Long> lastHandled() {
        return Map.copyOf(lastHandled);
    }

    @Override
    public Histogram applyLatency() {
        return applyLatency.snapshot();
    }
}
