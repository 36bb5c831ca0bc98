package org.geoserver.cluster.shell.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.JoinStatus;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.EventTransport;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.api.ReplicationLedger;

/** The lines of {@code cluster:status}; parts whose bundle is not running say so. */
final class ClusterStatus {

    private ClusterStatus() {}

    static String render(ClusterSettings settings, EventTransport transport, Outbox outbox, ReplicationLedger ledger, ApplierStatus applier,
            PeerDirectory peers) {
        return render(settings, transport, outbox, ledger, applier, peers, null);
    }

    static String render(ClusterSettings settings, EventTransport transport, Outbox outbox, ReplicationLedger ledger, ApplierStatus applier,
            PeerDirectory peers, JoinStatus join) {
        StringBuilder out = new StringBuilder();
        line(out, "Instance", settings.instanceName());
        line(out, "Group", settings.group());
        line(out, "Roles", (settings.toggleMaster() ? "master" : "") + (settings.toggleMaster() && settings.toggleSlave() ? " + " : "")
                + (settings.toggleSlave() ? "slave" : "") + (settings.toggleMaster() || settings.toggleSlave() ? "" : "none"));
        line(out, "Read only", settings.readOnly() ? "enabled (changes from other nodes stay in memory)" : "disabled");
        if (join != null && join.joining()) {
            line(out, "Syncing", "joining the cluster: a peer's snapshot comes before single events (rest/cluster/health answers 503)");
        }
        line(out, "Broker", transport == null ? "no transport running" : transport.describe());
        line(out, "Outbox", outbox == null ? "capture not running" : outbox.size() + " events waiting to be sent");
        if (applier == null) {
            line(out, "Applier", "not running");
        } else {
            line(out, "Applied", applier.applied() + " events (" + applier.skipped() + " skipped as repeated or older)");
            line(out, "Deferred", applier.deferred() + " events waiting for referenced objects, or for the bundle of their kind");
            line(out, "Failed", applier.failed() + " events kept for inspection in ${karaf.data}/cluster/failed");
        }
        Map<String, Long> progress = new TreeMap<>(ledger.progress());
        line(out, "Last applied", progress.isEmpty() ? "nothing received yet" : "");
        progress.forEach((origin, sequence) -> out.append("  ").append(origin).append(": #").append(sequence).append('\n'));
        List<PeerDirectory.Peer> known = peers == null ? List.of() : peers.peers();
        line(out, "Peers", peers == null ? "digest exchange not running" : known.size() + " heard of");
        for (PeerDirectory.Peer peer : known) {
            out.append("  ").append(peer.status().instanceName()).append(": ").append(peer.sameDigest() ? "same configuration" : "different configuration in " + String.join(", ", peer.differingTypes()))
                    .append(", outbox ").append(peer.status().outbox()).append(", last seen ").append(Instant.ofEpochMilli(peer.lastSeen())).append('\n');
            if (!peer.sameDigest() && !peer.differingObjects().isEmpty()) {
                out.append("    differing objects: ").append(String.join(", ", peer.differingObjects())).append('\n');
            }
            if (!peer.kindsMissingHere().isEmpty()) {
                out.append("    kinds this node lacks (not compared): ").append(String.join(", ", peer.kindsMissingHere())).append('\n');
            }
            if (!peer.kindsMissingThere().isEmpty()) {
                out.append("    kinds it lacks (not compared): ").append(String.join(", ", peer.kindsMissingThere())).append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-13s %s%n", label + ":", value));
    }
}
