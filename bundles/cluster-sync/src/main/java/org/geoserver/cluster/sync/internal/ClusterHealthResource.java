package org.geoserver.cluster.sync.internal;

import java.util.List;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.JoinStatus;
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
 * The node's health for load balancers, at {@code /geoserver/rest/cluster/health}: 200 once it
 * serves its cluster's whole configuration, 503 while it is joining (it installs a peer's snapshot
 * first, and meanwhile holds only part of the configuration).
 */
@Component(service = RestResource.class)
@RestExtension(resource = "health")
public class ClusterHealthResource implements RestResource {

    private final ClusterConfiguration configuration;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile JoinStatus join;

    @Activate
    public ClusterHealthResource(@Reference ClusterConfiguration configuration) {
        this.configuration = configuration;
    }

    static boolean joining(JoinStatus join) {
        return join != null && join.joining();
    }

    @Override
    public RestAnswer get(RestCall call) {
        if (call.item() != null) {
            throw RestRefusal.notFound("No such resource: cluster/health/" + call.item());
        }
        String node = configuration.current().instanceName();
        if (joining(join)) {
            throw new RestRefusal(503, "node " + node + " is syncing: it joins its cluster and installs a peer's configuration before it serves");
        }
        return new RestAnswer.Tree(XmlElement.of("health", List.of(XmlElement.text("instanceName", node), XmlElement.text("status", "ready"))));
    }
}
