package org.geoserver.cluster.sync.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.JoinStatus;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.PeerDirectory;
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
 * This node's cluster status for monitoring, served by the REST API at
 * {@code /geoserver/rest/cluster/status.json} (or {@code .xml}): identity, roles, digest, outbox
 * depth, the applier's counters, and every peer heard of with its digest and when.
 */
@Component(service = RestResource.class)
@RestExtension(resource = "status")
public class ClusterStatusResource implements RestResource {

    private final ClusterConfiguration configuration;
    private final ConfigurationDigest digest;
    // Optional and dynamic: the status is served whichever of these bundles runs.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PeerDirectory peers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Outbox outbox;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ApplierStatus applier;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile JoinStatus join;

    @Activate
    public ClusterStatusResource(@Reference ClusterConfiguration configuration, @Reference ConfigurationDigest digest) {
        this.configuration = configuration;
        this.digest = digest;
    }

    @Override
    public RestAnswer get(RestCall call) {
        if (call.item() != null) {
            throw RestRefusal.notFound("No such resource: cluster/status/" + call.item());
        }
        return new RestAnswer.Tree(element());
    }

    /** Repeated {@code peers} elements, so that JSON has {@code "peers":[...]}. */
    XmlElement element() {
        ClusterSettings settings = configuration.current();
        Outbox currentOutbox = outbox;
        List<XmlElement> children = new ArrayList<>(List.of(
                XmlElement.text("instanceName", settings.instanceName()),
                XmlElement.text("group", settings.group()),
                XmlElement.text("master", Boolean.toString(settings.toggleMaster())),
                XmlElement.text("slave", Boolean.toString(settings.toggleSlave())),
                XmlElement.text("readOnly", Boolean.toString(settings.readOnly())),
                XmlElement.text("syncing", Boolean.toString(ClusterHealthResource.joining(join))),
                XmlElement.text("digest", digest.digest()),
                XmlElement.text("outbox", Integer.toString(currentOutbox == null ? 0 : currentOutbox.size()))));
        ApplierStatus currentApplier = applier;
        if (currentApplier != null) {
            children.add(ApplierStatusResource.element(currentApplier));
        }
        PeerDirectory directory = peers;
        if (directory != null) {
            for (PeerDirectory.Peer peer : directory.peers()) {
                children.add(XmlElement.of("peers", List.of(
                        XmlElement.text("instanceName", peer.status().instanceName()),
                        XmlElement.text("digest", peer.status().digest()),
                        XmlElement.text("sameDigest", Boolean.toString(peer.sameDigest())),
                        XmlElement.text("differingTypes", String.join(",", peer.differingTypes())),
                        XmlElement.text("differingObjects", String.join(",", peer.differingObjects())),
                        XmlElement.text("kindsMissingHere", String.join(",", peer.kindsMissingHere())),
                        XmlElement.text("kindsMissingThere", String.join(",", peer.kindsMissingThere())),
                        XmlElement.text("versions", Integer.toString(peer.status().versions())),
                        XmlElement.text("syncing", Boolean.toString(peer.status().syncing())),
                        XmlElement.text("outbox", Integer.toString(peer.status().outbox())),
                        XmlElement.text("lastSeen", Instant.ofEpochMilli(peer.lastSeen()).toString()))));
            }
        }
        return XmlElement.of("status", children);
    }
}
