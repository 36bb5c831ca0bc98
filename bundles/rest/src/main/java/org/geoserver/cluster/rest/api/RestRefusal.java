package org.geoserver.cluster.rest.api;

/** A request a {@link RestResource} refuses: the HTTP status (4xx) and a one-line message; nothing changed. */
public class RestRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RestRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static RestRefusal notFound(String message) {
        return new RestRefusal(404, message);
    }

    public static RestRefusal badRequest(String message) {
        return new RestRefusal(400, message);
    }
}
