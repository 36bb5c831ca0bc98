package org.geoserver.cluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a {@link ReplicatedResource} service with the kind it replicates (whiteboard): events and
 * snapshot objects naming that kind reach it. Gives the service property {@value #PROPERTY}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ResourceKind {

    String PREFIX_ = "org.geoserver.cluster.";

    /** The service property the annotation gives, for the side that dispatches by kind. */
    String PROPERTY = PREFIX_ + "resource.kind";

    /** The kind's name, as events and snapshot objects carry it. */
    String value();
}
