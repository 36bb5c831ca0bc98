package org.geoserver.cluster.rest.api;

/**
 * A resource of the REST API under {@code /geoserver/rest/cluster/} (whiteboard: a service marked
 * with {@link RestExtension}). Each method answers or throws {@link RestRefusal}; a method a
 * resource does not serve answers 405. Called from the web server's threads, concurrently.
 */
public interface RestResource {

    /** GET: the resource, or one of its items. */
    RestAnswer get(RestCall call);

    /** POST: an action on the resource or one of its items. */
    default RestAnswer post(RestCall call) {
        throw new RestRefusal(405, "POST is not allowed here");
    }

    /** DELETE: removes one of its items. */
    default RestAnswer delete(RestCall call) {
        throw new RestRefusal(405, "DELETE is not allowed here");
    }
}
