package org.geoserver.cluster.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Keys and defaults of GeoServer's cluster.properties. Text-typed, so bad values can be reported. */
@ObjectClassDefinition(name = "GeoServer Cluster", description = "How this node takes part in the cluster. Changes apply at once.")
@interface ClusterConfig {

    @AttributeDefinition(name = "Instance name", required = false,
            description = "Unique name of this node. Empty: a UUID generated once and kept in the file instance-name of the state folder (org.geoserver.cluster.state).")
    String instanceName() default "";

    @AttributeDefinition(name = "Group", description = "Nodes only exchange changes within one group.")
    String group() default "geoserver-cluster";

    @AttributeDefinition(name = "Broker URL", required = false,
            description = "ActiveMQ URL, e.g. failover:(tcp://host:61616). Empty: the broker embedded in this node.")
    String brokerURL() default "";

    @AttributeDefinition(name = "Topic name", description = "Topic the changes are published to.")
    String topicName() default "VirtualTopic.geoserver";

    @AttributeDefinition(name = "Connection", description = "enabled or disabled: whether the node connects to the broker.")
    String connection() default "enabled";

    @AttributeDefinition(name = "Master", description = "true: publish the changes made on this node.")
    String toggleMaster() default "true";

    @AttributeDefinition(name = "Slave", description = "true: apply the changes of other nodes.")
    String toggleSlave() default "true";

    @AttributeDefinition(name = "Read only", description = "enabled: changes of other nodes stay in memory (shared data directory).")
    String readOnly() default "disabled";

    @AttributeDefinition(name = "Durable", description = "true: the broker keeps this node's changes while it is away.")
    String durable() default "true";

    @AttributeDefinition(name = "Broker user", required = false, description = "User for the broker, empty for none.")
    String user() default "";

    @AttributeDefinition(name = "Broker password", required = false, type = AttributeType.PASSWORD, description = "Password for the broker.")
    String password() default "";

    @AttributeDefinition(name = "Shared secret", required = false, type = AttributeType.PASSWORD,
            description = "Signs events (HMAC-SHA256); every node of the group needs the same. Empty: unsigned.")
    String secret() default "";

    @AttributeDefinition(name = "Automatic resync",
            description = "true: a new node, or one whose configuration stays different from its peers', installs a snapshot from a peer by itself.")
    String autoResync() default "true";
}
