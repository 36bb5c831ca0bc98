package org.geoserver.cluster.broker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "GeoServer Cluster embedded broker",
        description = "An ActiveMQ Classic broker running inside this node. Changes restart the broker.")
public @interface BrokerConfig {

    @AttributeDefinition(name = "Enabled", description = "Run the broker in this node. False stops it.")
    boolean enabled() default true;

    @AttributeDefinition(
            name = "Broker name",
            description = "Unique within a network of brokers; also names the data folder under ${karaf.data}/activemq.")
    String brokerName() default "geoserver-cluster";

    @AttributeDefinition(
            name = "Transport connector URIs",
            description = "Addresses the broker listens on, comma separated, e.g. tcp://127.0.0.1:61616.")
    String[] transportConnectorURIs() default {"tcp://127.0.0.1:61616"};

    @AttributeDefinition(
            name = "Persistent",
            description = "Keep messages in KahaDB under ${karaf.data}/activemq/<brokerName> so they survive restarts.")
    boolean persistent() default true;

    @AttributeDefinition(
            name = "Network connector URIs",
            required = false,
            description = "Other brokers to forward messages to, comma separated, e.g. static:(tcp://host2:61616). Empty: no network.")
    String[] networkConnectorURIs() default {};

    @AttributeDefinition(
            name = "User",
            required = false,
            description = "When set, clients and network connectors must authenticate with this user.")
    String user() default "";

    @AttributeDefinition(name = "Password", required = false, type = AttributeType.PASSWORD, description = "Password of the user.")
    String password() default "";

    @AttributeDefinition(
            name = "Data directory",
            required = false,
            description = "Folder holding the brokers' data; empty means ${karaf.data}/activemq.")
    String dataDirectory() default "";
}
