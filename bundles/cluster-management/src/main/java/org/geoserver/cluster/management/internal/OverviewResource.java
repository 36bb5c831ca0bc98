package org.geoserver.cluster.management.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geoserver.cluster.api.ApplierMetrics;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.rest.api.RestAnswer;
import org.geoserver.cluster.rest.api.RestCall;
import org.geoserver.cluster.rest.api.RestExtension;
import org.geoserver.cluster.rest.api.RestRefusal;
import org.geoserver.cluster.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The cluster at a glance, as this node sees it, at {@code GET cluster/overview.json}: this node and
 * every peer heard of, each with its roles, whether its configuration equals this node's (and the
 * object types and objects that differ), how far behind it is (events, and seconds since this node
 * first saw it behind), its outbox, deferred and failed events, and when it was last heard of.
 */
@Component(service = RestResource.class)
@RestExtension(resource = "overview")
public class OverviewResource implements RestResource {

    private final ClusterConfiguration configuration;
    private final ConfigurationDigest digest;
    private final long started;
    /** Since when each node was first seen behind, by name; gone once it caught up. */
    private final Map<String, Long> behindSince = new ConcurrentHashMap<>();

    // Optional and dynamic: the overview shows whatever runs.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PeerDirectory peers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ReplicationLedger ledger;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Outbox outbox;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ApplierStatus applier;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ApplierMetrics applierMetrics;

    @Activate
    public OverviewResource(@Reference ClusterConfiguration configuration, @Reference ConfigurationDigest digest) {
        this(configuration, digest, System.currentTimeMillis());
    }

    OverviewResource(ClusterConfiguration configuration, ConfigurationDigest digest, long started) {
        this.configuration = configuration;
        this.digest = digest;
        this.started = started;
    }

    @Override
    public RestAnswer get(RestCall call) {
        if (call.item() != null) {
            throw RestRefusal.notFound("No such resource: cluster/overview/" + call.item());
        }
        return new RestAnswer.Tree(overview(System.currentTimeMillis()));
    }

    XmlElement overview(long now) {
        ClusterSettings settings = configuration.current();
        List<PeerDirectory.Peer> heard = peers == null ? List.of() : peers.peers();
        ReplicationLedger currentLedger = ledger;
        Outbox currentOutbox = outbox;
        long published = currentOutbox == null ? 0 : currentOutbox.lastAppended();

        List<XmlElement> nodes = new ArrayList<>();
        long behind = 0;
        double behindSeconds = 0;
        Map<String, Long> lastHandled = applierMetrics == null ? Map.of() : applierMetrics.lastHandled();
        for (PeerDirectory.Peer peer : heard) {
            long events = currentLedger == null ? 0 : Lag.events(peer.status().published(), currentLedger.lastSequence(peer.status().instanceName()));
            behind += events;
            behindSeconds = Math.max(behindSeconds, Lag.secondsBehind(events, lastHandled, peer.status().instanceName(), now, started));
        }
        ApplierStatus kept = applier;
        nodes.add(node(settings.instanceName(), true, settings.toggleMaster(), settings.toggleSlave(), settings.readOnly(), true, List.of(), List.of(),
                digest.digest(), currentOutbox == null ? 0 : currentOutbox.size(), kept == null ? 0 : kept.deferred(), kept == null ? 0 : kept.failed(),
                behind, behindSeconds, now, now));
        for (PeerDirectory.Peer peer : heard) {
            NodeStatus status = peer.status();
            long events = Lag.events(published, status.handled().get(settings.instanceName()));
            nodes.add(node(status.instanceName(), false, status.master(), status.slave(), status.readOnly(), peer.sameDigest(), peer.differingTypes(),
                    peer.differingObjects(), status.digest(), status.outbox(), status.deferred(), status.failed(), events,
                    secondsSinceFirstSeenBehind(status.instanceName(), events, now), peer.lastSeen(), now));
        }
        return XmlElement.of("overview", List.of(
                XmlElement.text("instanceName", settings.instanceName()),
                XmlElement.text("time", Instant.ofEpochMilli(now).toString()),
                XmlElement.of("nodes", nodes)));
    }

    private double secondsSinceFirstSeenBehind(String node, long events, long now) {
        if (events == 0) {
            behindSince.remove(node);
            return 0;
        }
        return (now - behindSince.computeIfAbsent(node, n -> now)) / 1000.0;
    }

    /** Repeated {@code node} elements in {@code nodes}, so that JSON has {@code "node":[...]}. */
    private static XmlElement node(String name, boolean self, boolean master, boolean slave, boolean readOnly, boolean same, List<String> differingTypes,
            List<String> differingObjects, String nodeDigest, int outbox, int deferred, int failed, long behindEvents, double behindSeconds, long lastHeard,
            long now) {
        return XmlElement.of("node", List.of(
                XmlElement.text("instanceName", name),
                XmlElement.text("self", Boolean.toString(self)),
                XmlElement.text("master", Boolean.toString(master)),
                XmlElement.text("slave", Boolean.toString(slave)),
                XmlElement.text("readOnly", Boolean.toString(readOnly)),
                XmlElement.text("sameConfiguration", Boolean.toString(same)),
                XmlElement.text("differingTypes", String.join(",", differingTypes)),
                XmlElement.text("differingObjects", String.join(",", differingObjects)),
                XmlElement.text("digest", nodeDigest),
                XmlElement.text("outbox", Integer.toString(outbox)),
                XmlElement.text("deferred", Integer.toString(deferred)),
                XmlElement.text("failed", Integer.toString(failed)),
                XmlElement.text("behindEvents", Long.toString(behindEvents)),
                XmlElement.text("behindSeconds", String.format(Locale.ROOT, "%.1f", behindSeconds)),
                XmlElement.text("lastHeard", Instant.ofEpochMilli(lastHeard).toString()),
                XmlElement.text("lastHeardSeconds", String.format(Locale.ROOT, "%.1f", Math.max(0, now - lastHeard) / 1000.0))));
    }
}
