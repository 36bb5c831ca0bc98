package org.geoserver.cluster.management.internal;

import java.util.Map;
import org.geoserver.cluster.api.ApplierMetrics;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.api.TransportStatistics;
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
 * The node's metrics in Prometheus' text format at {@code /geoserver/rest/cluster/metrics}: events
 * published, received, applied, skipped, deferred, failed and rejected, the outbox's depth, each
 * peer's lag and when it was last heard of, and the time from an event's creation on its origin to
 * its apply here. A part whose bundle is not running is left out.
 */
@Component(service = RestResource.class)
@RestExtension(resource = "metrics")
public class MetricsResource implements RestResource {

    static final String PREFIX = "geoserver_cluster_";

    // Optional and dynamic: the metrics are served whichever of these bundles runs.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ApplierStatus applier;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ApplierMetrics applierMetrics;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile TransportStatistics transport;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Outbox outbox;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PeerDirectory peers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ReplicationLedger ledger;

    private final long started;

    @Activate
    public MetricsResource() {
        this(System.currentTimeMillis());
    }

    MetricsResource(long started) {
        this.started = started;
    }

    @Override
    public RestAnswer get(RestCall call) {
        if (call.item() != null) {
            throw RestRefusal.notFound("No such resource: cluster/metrics/" + call.item());
        }
        return new RestAnswer.Text(PrometheusText.MEDIA_TYPE, render(System.currentTimeMillis()));
    }

    String render(long now) {
        PrometheusText text = new PrometheusText();
        TransportStatistics currentTransport = transport;
        if (currentTransport != null) {
            counter(text, "events_published_total", "Events of this node the broker took.", currentTransport.published());
            counter(text, "events_received_total", "Events of other nodes received.", currentTransport.received());
            counter(text, "events_rejected_total", "Messages refused (malformed, unsigned or wrongly signed) and kept in the rejected folder.",
                    currentTransport.rejected());
        }
        ApplierStatus currentApplier = applier;
        if (currentApplier != null) {
            counter(text, "events_applied_total", "Events of other nodes applied.", currentApplier.applied());
            counter(text, "events_skipped_total", "Events of other nodes skipped: handled already, or older than the object's version here.",
                    currentApplier.skipped());
            text.family(PREFIX + "events_kept", "gauge", "Events kept aside now: deferred (waiting for referenced objects) or failed.")
                    .sample(PREFIX + "events_kept", Map.of("kind", "deferred"), currentApplier.deferred())
                    .sample(PREFIX + "events_kept", Map.of("kind", "failed"), currentApplier.failed());
        }
        ApplierMetrics currentMetrics = applierMetrics;
        if (currentMetrics != null) {
            counter(text, "events_deferred_total", "Events deferred on arrival, waiting for objects they reference.", currentMetrics.deferredTotal());
            counter(text, "events_failed_total", "Events kept as failed: they cannot be applied.", currentMetrics.failedTotal());
            text.family(PREFIX + "apply_latency_seconds", "histogram", "Time from an event's creation on its origin node to its apply here.")
                    .histogram(PREFIX + "apply_latency_seconds", currentMetrics.applyLatency());
        }
        Outbox currentOutbox = outbox;
        if (currentOutbox != null) {
            text.family(PREFIX + "outbox_events", "gauge", "Events of this node not sent yet.").sample(PREFIX + "outbox_events", currentOutbox.size());
        }
        peers(text, now);
        return text.toString();
    }

    private void peers(PrometheusText text, long now) {
        PeerDirectory currentPeers = peers;
        if (currentPeers == null) {
            return;
        }
        ReplicationLedger currentLedger = ledger;
        ApplierMetrics currentMetrics = applierMetrics;
        Map<String, Long> lastHandled = currentMetrics == null ? Map.of() : currentMetrics.lastHandled();
        PrometheusText heard = new PrometheusText().family(PREFIX + "peer_last_heard_seconds", "gauge", "Seconds since the peer's last status.");
        PrometheusText same = new PrometheusText().family(PREFIX + "peer_same_configuration", "gauge", "1 when the peer's configuration digest equals this node's.");
        PrometheusText events = new PrometheusText().family(PREFIX + "peer_lag_events", "gauge", "Events the peer published that this node has not handled yet.");
        PrometheusText seconds = new PrometheusText().family(PREFIX + "peer_lag_seconds", "gauge",
                "While behind the peer: seconds since the creation of the last event handled from it (since the start, when none).");
        for (PeerDirectory.Peer peer : currentPeers.peers()) {
            String name = peer.status().instanceName();
            Map<String, String> label = Map.of("peer", name);
            heard.sample(PREFIX + "peer_last_heard_seconds", label, Math.max(0, now - peer.lastSeen()) / 1000.0);
            same.sample(PREFIX + "peer_same_configuration", label, peer.sameDigest() ? 1 : 0);
            if (currentLedger != null) {
                long behind = Lag.events(peer.status().published(), currentLedger.lastSequence(name));
                events.sample(PREFIX + "peer_lag_events", label, behind);
                seconds.sample(PREFIX + "peer_lag_seconds", label, Lag.secondsBehind(behind, lastHandled, name, now, started));
            }
        }
        text.append(heard).append(same);
        if (currentLedger != null) {
            text.append(events).append(seconds);
        }
    }

    private static void counter(PrometheusText text, String name, String help, long value) {
        text.family(PREFIX + name, "counter", help).sample(PREFIX + name, value);
    }
}
