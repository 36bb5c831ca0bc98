package org.geoserver.cluster.applier.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.geoserver.cluster.api.JoinStatus;
import org.geoserver.cluster.api.KeptEvents;
import org.geoserver.cluster.api.ReplicatedResource;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.geoserver.cluster.api.ResourceKind;
import org.geoserver.cluster.api.StateFolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the events of other nodes through the {@link ReplicatedResource} of their kind, knowing
 * no kind itself. Idempotent: an event already handled is skipped, and a change only applies if its
 * version is later than the object's known version, which also resolves concurrent edits the same
 * way on every node. An event whose references are missing, or whose kind has no resource here,
 * waits in a durable deferred store and is retried after every applied event and when a kind
 * arrives; one that can never apply is kept in a failed store for inspection. Neither blocks later
 * events. Snapshots are taken and installed under the same lock as events are applied, so a
 * snapshot's content matches its ledger progress.
 */
@Component(service = {EventHandler.class, ApplierStatus.class, ApplierMetrics.class, ConfigurationSnapshots.class, KeptEvents.class, JoinStatus.class},
        immediate = true)
public class EventApplier implements EventHandler, ApplierStatus, ApplierMetrics, ConfigurationSnapshots, KeptEvents, JoinStatus {

    private static final Logger LOG = LoggerFactory.getLogger(EventApplier.class);

    enum Outcome {
        APPLIED,
        SKIPPED,
        DEFERRED,
        FAILED
    }

    private final ClusterClock clock;
    private final ReplicationLedger ledger;
    private final ClusterConfiguration configuration;
    /** The resources by kind; at least one, so that events do not arrive before any can apply. */
    private final Map<String, ReplicatedResource> resources = new ConcurrentHashMap<>();
    private final EventStore deferred;
    private final EventStore failed;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong deferredTotal = new AtomicLong();
    private final AtomicLong failedTotal = new AtomicLong();
    private final Map<String, Long> lastHandled = new ConcurrentHashMap<>();
    private final LatencyHistogram applyLatency = new LatencyHistogram();
    /** Null for nodes assembled by hand in tests, which have joined. */
    private final JoinMarker join;

    @Activate
    public EventApplier(@Reference ClusterClock clock, @Reference ReplicationLedger ledger, @Reference ClusterConfiguration configuration,
            @Reference StateFolder state) throws IOException {
        this(clock, ledger, configuration, state.path(), Map.of(), true);
    }

    EventApplier(ClusterClock clock, ReplicationLedger ledger, ClusterConfiguration configuration, Path clusterDirectory,
            Map<String, ReplicatedResource> resources) throws IOException {
        this(clock, ledger, configuration, clusterDirectory, resources, false);
    }

    /** @param joins whether the node joins its cluster when it starts without configuration (see {@link JoinMarker}) */
    EventApplier(ClusterClock clock, ReplicationLedger ledger, ClusterConfiguration configuration, Path clusterDirectory,
            Map<String, ReplicatedResource> resources, boolean joins) throws IOException {
        this.join = joins ? new JoinMarker(clusterDirectory, this::holdsConfigurationOrHistory) : null;
        this.configuration = configuration;
        this.clock = clock;
        this.ledger = ledger;
        this.resources.putAll(resources);
        this.deferred = new EventStore(clusterDirectory.resolve("deferred"));
        this.failed = new EventStore(clusterDirectory.resolve("failed"));
    }

    /**
     * A kind arrived: its events kept waiting for it apply now. A bind method takes no component
     * property type (DS 1.4): the properties' map, with the key the type gives.
     */
    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC, target = "(" + ResourceKind.PROPERTY + "=*)")
    void addResource(ReplicatedResource resource, Map<String, Object> properties) {
        String kind = String.valueOf(properties.get(ResourceKind.PROPERTY));
        resources.put(kind, resource);
        LOG.info("Replicated resource kind {} is available", kind);
        synchronized (this) {
            try {
                retryDeferred();
            } catch (IOException e) {
                LOG.error("Could not retry the events deferred for kind {}: {}", kind, e.getMessage(), e);
            }
        }
    }

    void removeResource(ReplicatedResource resource, Map<String, Object> properties) {
        String kind = String.valueOf(properties.get(ResourceKind.PROPERTY));
        resources.remove(kind, resource);
        LOG.info("Replicated resource kind {} is gone: its events wait until it is back", kind);
    }

    /** An outcome, with the reason when the event is kept aside. */
    private record Attempt(Outcome outcome, String reason) {
        static final Attempt APPLIED_NOW = new Attempt(Outcome.APPLIED, null);
        static final Attempt SKIPPED_NOW = new Attempt(Outcome.SKIPPED, null);
        static final Attempt JOINING = new Attempt(Outcome.DEFERRED, "waiting for the snapshot this joining node installs before single events");

        static Attempt deferred(String reason) {
            return new Attempt(Outcome.DEFERRED, "waiting for referenced objects: " + reason);
        }

        static Attempt noResource(String kind) {
            return new Attempt(Outcome.DEFERRED, "waiting for kind " + kind + ": no resource of that kind on this node");
        }

        static Attempt failed(String reason) {
            return new Attempt(Outcome.FAILED, reason);
        }
    }

    private boolean holdsConfigurationOrHistory() {
        return ledger.versionCount() > 0 || !ledger.progress().isEmpty() || resources.values().stream().anyMatch(ReplicatedResource::holdsConfiguration);
    }

    /**
     * Only while it applies other nodes' events through the broker and may install snapshots by
     * itself: a node on its own, a master only, or one with {@code autoResync} off takes events as
     * they come.
     */
    @Override
    public boolean joining() {
        ClusterSettings settings = configuration.current();
        return join != null && settings.connection() && settings.toggleSlave() && settings.autoResync() && join.joining();
    }

    @Override
    public synchronized void settle(String reason) {
        if (join != null && join.joined(reason)) {
            try {
                retryDeferred();
                durably("the events kept while joining");
            } catch (IOException e) {
                LOG.error("Could not apply the events kept while this node was joining: {}", e.getMessage(), e);
            }
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
        Attempt attempt = joining() ? Attempt.JOINING : apply(event);
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
        ReplicatedResource resource = resources.get(event.kind());
        if (resource == null) {
            LOG.info("Deferring {}: no resource of kind {} on this node", event, event.kind());
            return Attempt.noResource(event.kind());
        }
        Version version = new Version(event.timestamp(), event.origin());
        ReplicatedResource.Applied outcome = resource.apply(event, () -> ledger.isNewer(event.objectId(), version));
        switch (outcome.outcome()) {
            case NOT_NEWER -> {
                skipped.incrementAndGet();
                LOG.debug("{} is not later than the version of {} here; skipped", event, event.objectId());
                return Attempt.SKIPPED_NOW;
            }
            case WAITING -> {
                LOG.info("Deferring {}: {}", event, outcome.reason());
                return Attempt.deferred(outcome.reason());
            }
            case REFUSED -> {
                return Attempt.failed(outcome.reason());
            }
            default -> {
                ledger.advanceHeld(event.objectId(), version);
                applied.incrementAndGet();
                return Attempt.APPLIED_NOW;
            }
        }
    }

    /** Applies deferred events whose references arrived, repeating while that makes progress. */
    private void retryDeferred() throws IOException {
        if (joining()) {
            return; // the snapshot first
        }
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
        for (ReplicatedResource resource : resources.values()) {
            resource.sync();
        }
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
        new TreeMap<>(resources).values().forEach(resource -> objects.addAll(resource.export()));
        List<ClusterEvent> pending = new ArrayList<>();
        deferred.list().forEach(kept -> pending.add(kept.event()));
        ClusterSettings settings = configuration.current();
        return new ConfigurationSnapshot(settings.instanceName(), settings.group(), System.currentTimeMillis(), objects, versions, progress, pending);
    }

    /** Each kind installs its part; a kind that has no resource here is left out, named in the log. */
    @Override
    public synchronized InstallReport install(ConfigurationSnapshot snapshot) throws IOException {
        Map<String, List<SnapshotObject>> byKind = new TreeMap<>();
        resources.keySet().forEach(kind -> byKind.put(kind, new ArrayList<>()));
        Map<String, Integer> absent = new TreeMap<>();
        Set<String> leftOut = new HashSet<>();
        for (SnapshotObject object : snapshot.objects()) {
            List<SnapshotObject> ofKind = byKind.get(object.kind());
            if (ofKind == null) {
                absent.merge(object.kind(), 1, Integer::sum);
                leftOut.add(object.id());
            } else {
                ofKind.add(object);
            }
        }
        if (!absent.isEmpty()) {
            LOG.warn("The {} holds objects of kinds this node has no resource for, left out: {}", snapshot, absent);
        }
        Map<String, Version> localVersions = ledger.versions();
        int added = 0;
        int modified = 0;
        int removed = 0;
        int keptLocal = 0;
        for (Map.Entry<String, List<SnapshotObject>> kind : byKind.entrySet()) {
            InstallReport part = resources.get(kind.getKey()).install(kind.getValue(), snapshot.versions(), localVersions, snapshot.origin());
            added += part.added();
            modified += part.modified();
            removed += part.removed();
            keptLocal += part.keptLocal();
        }
        try {
            for (ReplicatedResource resource : resources.values()) {
                resource.sync(); // the files before the ledger's entries for them
            }
        } catch (IOException e) {
            throw new IOException("the " + snapshot + " is installed but could not be put on disk: " + e.getMessage(), e);
        }
        Map<String, Version> versions = new HashMap<>(snapshot.versions());
        versions.keySet().removeAll(leftOut); // a kind installed later must not take them as held
        ledger.merge(versions, snapshot.progress());
        Set<String> waiting = new HashSet<>();
        deferred.list().forEach(kept -> waiting.add(kept.event().id()));
        for (ClusterEvent event : snapshot.pending()) {
            if (waiting.add(event.id())) {
                deferred.keep(event, "waiting for referenced objects on " + snapshot.origin() + " when its snapshot was taken");
            }
        }
        if (join != null) {
            join.joined("installed the " + snapshot);
        }
        retryDeferred();
        try {
            flush();
        } catch (Exception e) {
            throw new IOException("the " + snapshot + " is installed but could not be put on disk: " + e.getMessage(), e);
        }
        InstallReport report = new InstallReport(added, modified, removed, keptLocal);
        LOG.info("Installed the {}: {}", snapshot, report);
        return report;
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
