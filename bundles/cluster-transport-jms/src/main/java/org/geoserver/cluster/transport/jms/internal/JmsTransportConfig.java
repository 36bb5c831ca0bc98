package org.geoserver.cluster.transport.jms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The keys only the JMS transport uses (PID {@value #PID}). Each one left empty takes the key of the
 * same name in {@code org.geoserver.cluster}, GeoServer's {@code cluster.properties} names, which
 * keep working; with neither set, GeoServer's default applies.
 */
@ObjectClassDefinition(name = "GeoServer Cluster JMS transport",
        description = "The broker connection of the JMS transport. An empty key takes the key of the same name in org.geoserver.cluster.")
public @interface JmsTransportConfig {

    String PID = "org.geoserver.cluster.transport.jms";

    @AttributeDefinition(name = "Broker URL", required = false,
            description = "The ActiveMQ broker to connect to, e.g. failover:(tcp://broker1:61616,tcp://broker2:61616). Empty: brokerURL of org.geoserver.cluster (empty there too: this node's embedded broker).")
    String brokerURL() default "";

    @AttributeDefinition(name = "Topic name", required = false,
            description = "Topic the changes are published to; keep the VirtualTopic. prefix. Empty: topicName of org.geoserver.cluster.")
    String topicName() default "";

    @AttributeDefinition(name = "Durable", required = false,
            description = "true: the broker keeps this node's changes while it is away; false: it does not. Empty: durable of org.geoserver.cluster.")
    String durable() default "";

    @AttributeDefinition(name = "Broker user", required = false, description = "Broker login. Empty: user of org.geoserver.cluster.")
    String user() default "";

    @AttributeDefinition(name = "Broker password", required = false, type = AttributeType.PASSWORD,
            description = "Password for the broker login. Empty: password of org.geoserver.cluster.")
    String password() default "";
}
