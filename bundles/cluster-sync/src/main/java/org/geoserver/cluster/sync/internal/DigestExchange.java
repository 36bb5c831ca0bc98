package org.geoserver.cluster.sync.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterResync;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.EventTransport;
import org.geoserver.cluster.api.JoinStatus;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.api.StatusListener;
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
 * Every few seconds tells the other nodes this node's configuration digest, and keeps what they
 * tell it. A peer whose digest stays different while neither node has events left to send or to
 * apply (statuses say what each published and whether it is still receiving) has drifted: the objects that differ are asked for and logged, and with {@code autoResync} the node
 * whose configuration most peers do not share installs a snapshot from one that they do. A node
 * that never took part in the cluster and differs from a peer that did resyncs at once. A joining
 * node ({@link JoinStatus}) takes the snapshot of the first peer it hears of that is not joining
 * itself; when none is heard of it starts the cluster's configuration itself: after
 * {@link #FIRST_NODE_MILLIS} alone, or after one interval when every peer heard of is joining too
 * and this node's name is the smallest.
 */
@Component(service = PeerDirectory.class, immediate = true)
public class DigestExchange implements StatusListener, PeerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DigestExchange.class);
    static final long INTERVAL_MILLIS = 5_000;
    /** Time without any event from a peer that is ahead, after which its missing events are taken as lost. */
    static final long STALL_MILLIS = 3 * INTERVAL_MILLIS;
    /** Time connected without hearing of a peer that holds configuration, after which a joining node is the first of its cluster. */
    static final long FIRST_NODE_MILLIS = 3 * INTERVAL_MILLIS;
    /** Consecutive differing statuses from a settled peer before it counts as drifted. */
    private static final int DRIFT_THRESHOLD = 3;

    private final ClusterConfiguration configuration;
    private final ConfigurationDigest digest;
    private final ReplicationLedger ledger;
    private final LongSupplier clock;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final Map<String, Integer> differing = new ConcurrentHashMap<>();
    /** The last sequence handled from each peer that is ahead, and since when. */
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    private record Progress(long sequence, long since) {}
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "geoserver-cluster-digest-exchange"));
    private final BoundTransport<EventTransport> transport = new BoundTransport<>(service -> service.subscribeStatus(this));
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Outbox outbox;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ClusterResync resync;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ApplierStatus applier;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile JoinStatus join;
    /** When the transport was first found connected while joining; 0 before. */
    private volatile long joiningConnectedSince;
    /** Objects found different, by peer, until its digest is the same again. */
    private final Map<String, List<String>> differingObjects = new ConcurrentHashMap<>();

    @Activate
    public DigestExchange(@Reference ClusterConfiguration configuration, @Reference ConfigurationDigest digest, @Reference ReplicationLedger ledger) {
        this(configuration, digest, ledger, System::currentTimeMillis);
        timer.scheduleWithFixedDelay(this::publish, 1_000, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    DigestExchange(ClusterConfiguration configuration, ConfigurationDigest digest, ReplicationLedger ledger, LongSupplier clock) {
        this.configuration = configuration;
        this.digest = digest;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setTransport(EventTransport service) {
        transport.bind(service);
    }

    void unsetTransport(EventTransport service) {
        transport.unbind(service);
    }

    @Deactivate
    synchronized void deactivate() {
        timer.shutdownNow();
        transport.close();
    }

    /** This node's status now. */
    NodeStatus status() {
        ClusterSettings settings = configuration.current();
        Outbox current = outbox;
        ApplierStatus kept = applier;
        return new NodeStatus(settings.instanceName(), settings.group(), digest.digest(), current == null ? 0 : current.size(), clock.getAsLong(),
                digest.digestsByType(), ledger.versionCount(), current == null ? 0 : current.lastAppended(), receiving(settings), settings.readOnly(),
                settings.toggleMaster(), settings.toggleSlave(), kept == null ? 0 : kept.deferred(), kept == null ? 0 : kept.failed(), ledger.progress(),
                digest.digestsByKind(), joining());
    }

    private boolean joining() {
        JoinStatus current = join;
        return current != null && current.joining();
    }

    /** True while this node does not apply other nodes' events, or knows of some it has not handled yet. */
    private boolean receiving(ClusterSettings settings) {
        return !settings.toggleSlave() || peers.values().stream().anyMatch(p -> behind(p.status()));
    }

    /**
     * True when a peer published an event this node has not handled, and events from it still come.
     * Once none has come for {@link #STALL_MILLIS} the missing ones are taken as lost (the broker
     * dropped them): from then on a difference counts as drift, and a resync repairs it.
     */
    private boolean behind(NodeStatus peer) {
        long handled = ledger.lastSequence(peer.instanceName());
        if (handled >= peer.published()) {
            return false;
        }
        long now = clock.getAsLong();
        Progress last = progress.compute(peer.instanceName(), (name, old) -> old == null || old.sequence() != handled ? new Progress(handled, now) : old);
        return now - last.since() < STALL_MILLIS;
    }

    void publish() {
        EventTransport current = transport.get();
        if (current == null || !current.isConnected()) {
            return;
        }
        try {
            current.publishStatus(status());
        } catch (TransportException | RuntimeException e) {
            LOG.debug("Could not publish this node's status: {}", e.getMessage());
        }
        settleWhenFirst();
    }

    /** Ends the joining when no peer holding configuration is there to take it from (see the class comment). */
    void settleWhenFirst() {
        JoinStatus current = join;
        if (current == null || !current.joining()) {
            return;
        }
        long now = clock.getAsLong();
        if (joiningConnectedSince == 0) {
            joiningConnectedSince = now;
        }
        List<NodeStatus> recent = peers.values().stream().filter(p -> now - p.lastSeen() <= SnapshotResync.PEER_EXPIRY_MILLIS).map(Peer::status).toList();
        if (recent.stream().anyMatch(status -> !status.syncing())) {
            return; // its snapshot comes (statusReceived)
        }
        long waited = now - joiningConnectedSince;
        String own = configuration.current().instanceName();
        if (waited >= FIRST_NODE_MILLIS) {
            current.settle("no peer holding configuration was heard of within " + FIRST_NODE_MILLIS / 1000 + " s: this node is the first of its cluster");
        } else if (waited >= INTERVAL_MILLIS && !recent.isEmpty() && recent.stream().allMatch(status -> own.compareTo(status.instanceName()) < 0)) {
            current.settle("every peer heard of is joining too (" + recent.stream().map(NodeStatus::instanceName).sorted().toList()
                    + ") and this node's name is the smallest: it is the first of its cluster");
        }
    }

    @Override
    public void statusReceived(NodeStatus status) {
        NodeStatus own = status();
        SharedKinds kinds = SharedKinds.of(own.kinds(), status.kinds());
        boolean same = kinds.same() ? own.digest().equals(status.digest()) : kinds.sharedDigestsEqual();
        List<String> differingTypes = same ? List.of() : kinds.same() ? differingTypes(own.digestsByType(), status.digestsByType())
                : differingSharedTypes(own.digestsByType(), status.digestsByType());
        if (same) {
            differingObjects.remove(status.instanceName());
        }
        peers.put(status.instanceName(), new Peer(status, differingTypes, differingObjects.getOrDefault(status.instanceName(), List.of()), clock.getAsLong(),
                kinds.missingHere(), kinds.missingThere()));
        ClusterSettings settings = configuration.current();
        if (own.syncing()) {
            // A read-only peer's files may lack style files: a source only when no other has shown up for a while.
            boolean source = !status.syncing() && (!status.readOnly()
                    || joiningConnectedSince > 0 && clock.getAsLong() - joiningConnectedSince >= FIRST_NODE_MILLIS);
            if (source) {
                JoinStatus current = join;
                if (same && current != null) {
                    current.settle("its configuration is the same as node " + status.instanceName() + "'s");
                } else {
                    requestResync(null, "this node never took part in the cluster and joins it without configuration of its own: node " + status.instanceName() + " holds some");
                }
            }
            return;
        }
        // Triggered by a peer with its own data directory, which is then the source (see SnapshotResync.bestSource).
        if (!same && own.versions() == 0 && status.versions() > 0 && !status.readOnly() && settings.autoResync() && settings.toggleSlave()) {
            requestResync(null, "this node never took part in the cluster and differs from node " + status.instanceName());
            return;
        }
        // Differences are expected while either node has events to send or to apply.
        boolean settled = own.outbox() == 0 && status.outbox() == 0 && !own.receiving() && !status.receiving() && !behind(status);
        if (same || !settled) {
            differing.remove(status.instanceName());
            return;
        }
        int count = differing.merge(status.instanceName(), 1, Integer::sum);
        if (count % DRIFT_THRESHOLD == 0) {
            timer.execute(() -> drifted(own, status, differingTypes, count == DRIFT_THRESHOLD));
        }
    }

    /** A peer stayed different: name the objects, and resync if this node is the odd one out. */
    private void drifted(NodeStatus own, NodeStatus peer, List<String> differingTypes, boolean first) {
        List<String> objects = List.of();
        EventTransport current = transport.get();
        if (current != null) {
            try {
                objects = ObjectDigests.differing(current, digest, peer.instanceName(), differingTypes);
                differingObjects.put(peer.instanceName(), objects);
            } catch (TransportException | RuntimeException e) {
                LOG.debug("Could not ask node {} for its object digests: {}", peer.instanceName(), e.getMessage());
            }
        }
        if (first) {
            LOG.warn("The configuration of node {} differs from this node's in {} ({} here, {} there) although neither has changes left to send; "
                    + "differing objects: {}", peer.instanceName(), differingTypes, own.digest(), peer.digest(), objects.isEmpty() ? "(not known)" : objects);
        }
        ClusterSettings settings = configuration.current();
        if (!settings.autoResync() || !settings.toggleSlave()) {
            return;
        }
        List<NodeStatus> everyone = new ArrayList<>(List.of(own));
        long now = clock.getAsLong();
        peers.values().stream().filter(p -> now - p.lastSeen() <= SnapshotResync.PEER_EXPIRY_MILLIS).forEach(p -> everyone.add(p.status()));
        List<NodeStatus> majority = SnapshotResync.majority(everyone);
        if (majority.stream().noneMatch(s -> s.instanceName().equals(own.instanceName()))) {
            requestResync(majority.get(0).instanceName(), "this node's configuration differs from " + majority.size() + " of " + everyone.size() + " nodes");
        }
    }

    private void requestResync(String node, String reason) {
        ClusterResync current = resync;
        if (current != null) {
            current.resync(node, reason);
        }
    }

    /** Types both sides have whose digests differ: the types of a kind only one side has are not compared. */
    static List<String> differingSharedTypes(Map<String, String> here, Map<String, String> there) {
        TreeSet<String> types = new TreeSet<>(here.keySet());
        types.retainAll(there.keySet());
        types.removeIf(type -> Objects.equals(here.get(type), there.get(type)));
        return List.copyOf(types.isEmpty() ? List.of("(overall)") : types);
    }

    /** Types whose digests differ or that only one side has. */
    static List<String> differingTypes(Map<String, String> here, Map<String, String> there) {
        TreeSet<String> types = new TreeSet<>(here.keySet());
        types.addAll(there.keySet());
        types.removeIf(type -> Objects.equals(here.get(type), there.get(type)));
        return List.copyOf(types.isEmpty() ? List.of("(overall)") : types);
    }

    @Override
    public List<Peer> peers() {
        List<Peer> list = new ArrayList<>(peers.values());
        list.sort(Comparator.comparing(p -> p.status().instanceName()));
        return list;
    }
}
