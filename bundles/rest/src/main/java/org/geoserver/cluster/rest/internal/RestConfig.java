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

    @AttributeDefinition(
            name = "Largest body (bytes)",
            description = "The largest request body accepted (an object, a style file); a larger one is refused with 413. The default, 16 MiB,"
                    + " holds a style with embedded graphics.")
    int maxBodyBytes() default BodyLimits.DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(
            name = "Deepest nesting",
            description = "How deep the elements of an XML or JSON body may nest (at most 256); a deeper body is refused with 400.")
    int maxDepth() default BodyLimits.DEFAULT_MAX_DEPTH;

    @AttributeDefinition(
            name = "Most elements",
            description = "How many elements (JSON: objects and values) one XML or JSON body may hold; a body with more is refused with 400.")
    int maxElements() default BodyLimits.DEFAULT_MAX_ELEMENTS;
}
