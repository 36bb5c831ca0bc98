package org.geoserver.cluster.rest.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a {@link RestResource} component: it serves {@code /geoserver/rest/cluster/{resource}}
 * and the paths below it. Gives the service property {@code org.geoserver.cluster.rest.resource}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RestExtension {

    String PREFIX_ = "org.geoserver.cluster.rest.";

    /** The service property the annotation gives, for the side that tracks the resources. */
    String RESOURCE_PROPERTY = PREFIX_ + "resource";

    /** The resource's name, the path segment after {@code cluster/}, e.g. {@code status}. */
    String resource();
}
