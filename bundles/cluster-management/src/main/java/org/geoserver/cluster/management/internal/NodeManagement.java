package org.geoserver.cluster.management.internal;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.management.NotCompliantMBeanException;
import javax.management.StandardMBean;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterResync;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.Outbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@link NodeMBean}, registered by Karaf's management as {@code org.geoserver.cluster:type=Node}. */
@Component(service = NodeMBean.class)
@Jmx(objectname = "org.geoserver.cluster:type=Node")
public class NodeManagement extends StandardMBean implements NodeMBean {

    private final ClusterConfiguration configuration;
    private final ConfigurationDigest digest;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Outbox outbox;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ClusterResync clusterResync;

    @Activate
    public NodeManagement(@Reference ClusterConfiguration configuration, @Reference ConfigurationDigest digest) throws NotCompliantMBeanException {
        super(NodeMBean.class);
        this.configuration = configuration;
        this.digest = digest;
    }

    private ClusterSettings settings() {
        return configuration.current();
    }

    @Override
    public String getInstanceName() {
        return settings().instanceName();
    }

    @Override
    public String getGroup() {
        return settings().group();
    }

    @Override
    public boolean isMaster() {
        return settings().toggleMaster();
    }

    @Override
    public boolean isSlave() {
        return settings().toggleSlave();
    }

    @Override
    public boolean isReadOnly() {
        return settings().readOnly();
    }

    @Override
    public String getDigest() {
        return digest.digest();
    }

    @Override
    public int getOutbox() {
        Outbox current = outbox;
        return current == null ? -1 : current.size();
    }

    @Override
    public void setMaster(boolean on) throws Exception {
        configuration.update(Map.of("toggleMaster", Boolean.toString(on)));
    }

    @Override
    public void setSlave(boolean on) throws Exception {
        configuration.update(Map.of("toggleSlave", Boolean.toString(on)));
    }

    @Override
    public String resync(String node) throws Exception {
        ClusterResync current = clusterResync;
        if (current == null) {
            throw new IllegalStateException("the resync service is not running on this node");
        }
        try {
            return current.resync(node == null || node.isBlank() ? null : node, "JMX").get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            // JMX clients may lack our exception classes: the message alone travels.
            throw new IllegalStateException("resync failed: " + e.getCause().getMessage());
        }
    }
}
