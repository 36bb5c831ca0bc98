package org.geoserver.cluster.rest.internal;

import javax.servlet.http.HttpServletResponse;

/** A request the API refuses, with the HTTP status and the one-line message GeoServer clients show. */
final class RestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    RestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static RestException badRequest(String message) {
        return new RestException(HttpServletResponse.SC_BAD_REQUEST, message);
    }

    static RestException notFound(String message) {
        return new RestException(HttpServletResponse.SC_NOT_FOUND, message);
    }

    /** 404 in GeoServer's words: "No such workspace: 'foo'", plus where it was looked for ("" for nowhere in particular). */
    static RestException noSuch(String what, String name, String where) {
        return notFound("No such " + what + ": '" + name + "'" + where);
    }

    static RestException forbidden(String message) {
        return new RestException(HttpServletResponse.SC_FORBIDDEN, message);
    }

    static RestException methodNotAllowed(String method, String path) {
        return new RestException(HttpServletResponse.SC_METHOD_NOT_ALLOWED, method + " is not allowed on " + path);
    }

    static RestException unsupportedMediaType(String message) {
        return new RestException(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, message);
    }
}
