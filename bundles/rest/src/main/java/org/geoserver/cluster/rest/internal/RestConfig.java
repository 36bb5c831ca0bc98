package org.geoserver.cluster.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "GeoServer Cluster REST API",
        description = "GeoServer's REST configuration API at /geoserver/rest: who may use it. Changes apply to the next request.")
public @interface RestConfig {

    @AttributeDefinition(name = "JAAS realm", description = "The JAAS realm that checks user names and passwords (HTTP Basic), e.g. Karaf's realm 'karaf' (etc/users.properties).")
    String realm() default "karaf";

    @AttributeDefinition(name = "Administrator role", description = "Role a user needs to change the configuration (POST, PUT, DELETE).")
    String adminRole() default "admin";

    @AttributeDefinition(
            name = "Reader role",
            required = false,
            description = "Role a user needs to read the configuration (GET); the administrator role always may. Empty: reads need no login.")
    String readRole() default "admin";

    @AttributeDefinition(
            name = "Login cache (seconds)",
            description = "How long a successful login is remembered, so that each request does not run the JAAS login modules. 0 disables the cache.")
    int loginCacheSeconds() default 60;
}
