package org.geoserver.cluster.sync.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterResync;
import org.geoserver.cluster.api.ConfigurationSnapshot;
import org.geoserver.cluster.api.ConfigurationSnapshotCodec;
import org.geoserver.cluster.api.ConfigurationSnapshots;
import org.geoserver.cluster.api.ConfigurationSnapshots.InstallReport;
import org.geoserver.cluster.api.RequestChannel;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.PeerDirectory;
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
 * Full resync over the broker: answers other nodes' requests for this node's snapshot and object
 * digests, and fetches and installs a peer's snapshot when asked ({@code cluster:resync}, or the
 * digest exchange finding this node new or drifted).
 */
@Component(service = ClusterResync.class, immediate = true)
public class SnapshotResync implements ClusterResync {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotResync.class);
    static final String SNAPSHOT = "snapshot";
    /** Time for a peer to take, compress and send a large configuration. */
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(120);
    /** Peers not heard of for this long are not asked. */
    static final long PEER_EXPIRY_MILLIS = 3 * DigestExchange.INTERVAL_MILLIS;

    private final ClusterConfiguration configuration;
    private final ConfigurationSnapshots snapshots;
    private final PeerDirectory peers;
    private final LongSupplier clock;
    private final ConfigurationSnapshotCodec codec = new ConfigurationSnapshotCodec();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "geoserver-cluster-resync"));
    /** Bound only to ask peers for snapshots (answering them is {@link SnapshotResponder}'s). */
    private final BoundTransport<RequestChannel> transport = new BoundTransport<>(service -> () -> {});
    private CompletableFuture<String> running;

    @Activate
    public SnapshotResync(@Reference ClusterConfiguration configuration, @Reference ConfigurationSnapshots snapshots, @Reference PeerDirectory peers) {
        this(configuration, snapshots, peers, System::currentTimeMillis);
    }

    SnapshotResync(ClusterConfiguration configuration, ConfigurationSnapshots snapshots, PeerDirectory peers, LongSupplier clock) {
        this.configuration = configuration;
        this.snapshots = snapshots;
        this.peers = peers;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setTransport(RequestChannel service) {
        transport.bind(service);
    }

    void unsetTransport(RequestChannel service) {
        transport.unbind(service);
    }

    @Deactivate
    void deactivate() {
        transport.close();
        worker.shutdownNow();
    }

    // ---------------------------------------------------------------- resync

    @Override
    public synchronized CompletableFuture<String> resync(String node, String reason) {
        if (running != null && !running.isDone()) {
            return running;
        }
        running = CompletableFuture.supplyAsync(() -> {
            try {
                return install(node == null ? bestSource() : node, reason);
            } catch (Exception e) {
                LOG.error("Resync ({}) failed: {}", reason, e.getMessage());
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, worker);
        return running;
    }

    private String install(String node, String reason) throws Exception {
        RequestChannel current = transport.get();
        if (current == null || !current.isConnected()) {
            throw new TransportException("cannot resync from " + node + ": not connected to the broker", null);
        }
        List<String> known = peers.peers().stream().map(p -> p.status().instanceName()).toList();
        if (!known.contains(node)) {
            throw new IllegalArgumentException("node " + node + " is not a peer this node has heard of (peers: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
        LOG.info("Resync ({}): asking node {} for its configuration", reason, node);
        long start = System.nanoTime();
        byte[] bytes = current.request(node, SNAPSHOT, new byte[0], SNAPSHOT_TIMEOUT);
        ConfigurationSnapshot snapshot = codec.decode(bytes);
        String group = configuration.current().group();
        if (!snapshot.group().equals(group)) {
            throw new IllegalStateException("the " + snapshot + " is of group " + snapshot.group() + ", not " + group);
        }
        InstallReport report = snapshots.install(snapshot);
        String summary = "installed the " + snapshot + " (" + bytes.length + " bytes) in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + report;
        LOG.info("Resync ({}): {}", reason, summary);
        return summary;
    }

    /**
     * The peer to take a snapshot from: among peers heard of lately that took part in the cluster
     * or are not joining it (a data directory adopted by the first node counts as history),
     * one of those sharing the digest most peers have (ties: the group with the smallest instance
     * name), so that a single drifted peer is not copied; one with its own data directory first.
     */
    String bestSource() {
        long now = clock.getAsLong();
        List<NodeStatus> candidates = new ArrayList<>();
        for (PeerDirectory.Peer peer : peers.peers()) {
            if (now - peer.lastSeen() <= PEER_EXPIRY_MILLIS && (peer.status().versions() > 0 || !peer.status().syncing())) {
                candidates.add(peer.status());
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no peer to take a snapshot from: none has been heard of in the last " + PEER_EXPIRY_MILLIS / 1000 + " s");
        }
        List<NodeStatus> majority = majority(candidates);
        // A read-only node's files may lack other nodes' style files: another node of the majority is better.
        return majority.stream().filter(status -> !status.readOnly()).findFirst().orElse(majority.get(0)).instanceName();
    }

    /**
     * The nodes sharing the most common digest, sorted by name. Ties go to the group whose node knows
     * the most versions (the one with more cluster history), then to the group holding the smallest name.
     * When the nodes do not all have the same resource kinds, only the kinds every node has count
     * (a node lacking a kind's bundle does not form a group of its own).
     */
    /** The kinds every node has, or null when they all have the same kinds or a status does not name its kinds. */
    private static Set<String> commonKinds(List<NodeStatus> statuses) {
        if (statuses.stream().anyMatch(status -> status.kinds().isEmpty())
                || statuses.stream().map(status -> status.kinds().keySet()).distinct().count() <= 1) {
            return null;
        }
        Set<String> common = new HashSet<>(statuses.get(0).kinds().keySet());
        statuses.forEach(status -> common.retainAll(status.kinds().keySet()));
        return common;
    }

    static List<NodeStatus> majority(List<NodeStatus> statuses) {
        Set<String> common = commonKinds(statuses);
        Map<String, List<NodeStatus>> byDigest = new LinkedHashMap<>();
        for (NodeStatus status : statuses) {
            String key = common == null ? status.digest() : new TreeMap<>(status.kinds()).entrySet().stream()
                    .filter(kind -> common.contains(kind.getKey())).map(Object::toString).collect(Collectors.joining(","));
            byDigest.computeIfAbsent(key, d -> new ArrayList<>()).add(status);
        }
        Comparator<List<NodeStatus>> larger = Comparator.comparingInt(List::size);
        Comparator<List<NodeStatus>> moreHistory = Comparator.comparingInt(group -> group.stream().mapToInt(NodeStatus::versions).max().orElse(0));
        Comparator<List<NodeStatus>> smallestName = Comparator.comparing(group -> group.stream().map(NodeStatus::instanceName).min(String::compareTo).orElseThrow());
        List<NodeStatus> best = byDigest.values().stream().max(larger.thenComparing(moreHistory).thenComparing(smallestName.reversed())).orElseThrow();
        List<NodeStatus> sorted = new ArrayList<>(best);
        sorted.sort(Comparator.comparing(NodeStatus::instanceName));
        return sorted;
    }
}
