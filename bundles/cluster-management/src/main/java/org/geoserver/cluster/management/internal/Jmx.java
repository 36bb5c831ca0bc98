package org.geoserver.cluster.management.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/** Marks an MBean service for Karaf's management, which registers it under the property {@code jmx.objectname}. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface Jmx {

    String PREFIX_ = "jmx.";

    /** The MBean's object name, e.g. {@code org.geoserver.cluster:type=Node}. */
    String objectname();
}
