package org.geoserver.cluster.management.internal;

import java.nio.charset.StandardCharsets;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterResync;
import org.geoserver.cluster.api.RequestResponder;
import org.geoserver.cluster.api.RequestSubject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the switches another node's operator sends this node ({@link LocalControl}'s commands), signed like every request when a secret is set. */
@Component(service = RequestResponder.class)
@RequestSubject(ControlResponder.SUBJECT)
public class ControlResponder implements RequestResponder {

    static final String SUBJECT = "control";

    private static final Logger LOG = LoggerFactory.getLogger(ControlResponder.class);

    private final ClusterConfiguration configuration;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ClusterResync resync;

    @Activate
    public ControlResponder(@Reference ClusterConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public byte[] respond(String from, String subject, byte[] body) throws Exception {
        String command = new String(body, StandardCharsets.UTF_8);
        LOG.info("Node {} asks this node to {}", from, command);
        return LocalControl.run(command, configuration, resync).getBytes(StandardCharsets.UTF_8);
    }
}
