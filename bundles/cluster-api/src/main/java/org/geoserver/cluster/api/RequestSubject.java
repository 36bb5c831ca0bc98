package org.geoserver.cluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a {@link RequestResponder} service with the subject it answers (whiteboard): the requests
 * other nodes send with that subject reach it. Gives the service property {@value #PROPERTY}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RequestSubject {

    String PREFIX_ = "org.geoserver.cluster.";

    /** The service property the annotation gives, for the side that dispatches requests. */
    String PROPERTY = PREFIX_ + "request.subject";

    /** The subject, e.g. {@code snapshot}. */
    String value();
}
