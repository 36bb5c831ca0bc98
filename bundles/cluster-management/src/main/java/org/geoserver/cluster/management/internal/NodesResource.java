package org.geoserver.cluster.management.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterResync;
import org.geoserver.cluster.api.RequestChannel;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.api.TransportException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches on any node of the cluster, over this node's REST API:
 * {@code POST cluster/nodes/{node}/toggle?role=master|slave&state=on|off} and
 * {@code POST cluster/nodes/{node}/resync[?source=node]}. This node runs them itself; another node
 * is asked through the transport and answers with its report.
 */
@Component(service = RestResource.class)
@RestExtension(resource = "nodes")
public class NodesResource implements RestResource {

    private static final Logger LOG = LoggerFactory.getLogger(NodesResource.class);
    /** A remote switch answers at once; a resync takes as long as the snapshot, up to its own limit. */
    private static final Duration TOGGLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESYNC_TIMEOUT = Duration.ofSeconds(LocalControl.RESYNC_SECONDS + 20);

    private final ClusterConfiguration configuration;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ClusterResync resync;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile RequestChannel transport;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PeerDirectory peers;

    @Activate
    public NodesResource(@Reference ClusterConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public RestAnswer get(RestCall call) {
        throw new RestRefusal(405, "GET cluster/overview lists the nodes; cluster/nodes/{node}/toggle and /resync are POSTed");
    }

    @Override
    public RestAnswer post(RestCall call) {
        if (call.item() == null || call.action() == null) {
            throw RestRefusal.notFound("POST cluster/nodes/{node}/toggle?role=master|slave&state=on|off or cluster/nodes/{node}/resync");
        }
        String command = switch (call.action()) {
            case "toggle" -> {
                String role = call.parameters().get("role");
                String state = call.parameters().get("state");
                if (role == null || state == null) {
                    throw RestRefusal.badRequest("toggle needs role=master|slave and state=on|off");
                }
                yield LocalControl.toggle(role, state);
            }
            case "resync" -> LocalControl.resync(call.parameters().get("source"));
            default -> throw RestRefusal.notFound("No such action: cluster/nodes/" + call.item() + "/" + call.action() + " (toggle, resync)");
        };
        LOG.info("{} asks node {} to {}", call.user(), call.item(), command);
        try {
            return new RestAnswer.Done(run(call.item(), command, call.action().equals("resync") ? RESYNC_TIMEOUT : TOGGLE_TIMEOUT));
        } catch (IllegalArgumentException e) {
            throw RestRefusal.badRequest(e.getMessage());
        }
    }

    private String run(String node, String command, Duration timeout) {
        if (node.equals(configuration.current().instanceName())) {
            try {
                return LocalControl.run(command, configuration, resync);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw e instanceof IllegalArgumentException ? e : new RestRefusal(409, e.getMessage());
            } catch (Exception e) {
                throw new IllegalStateException("cannot " + command + " on " + node + ": " + e.getMessage(), e);
            }
        }
        PeerDirectory known = peers;
        if (known == null || known.peers().stream().noneMatch(p -> p.status().instanceName().equals(node))) {
            throw RestRefusal.notFound("No such node: '" + node + "' (this node and the peers it heard of: see cluster/overview)");
        }
        RequestChannel current = transport;
        if (current == null) {
            throw new RestRefusal(503, "cannot reach node " + node + ": the transport is not running here");
        }
        try {
            return new String(current.request(node, ControlResponder.SUBJECT, command.getBytes(StandardCharsets.UTF_8), timeout), StandardCharsets.UTF_8);
        } catch (TransportException e) {
            throw new RestRefusal(502, "node " + node + " did not do it: " + e.getMessage());
        }
    }
}
