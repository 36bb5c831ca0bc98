package org.geoserver.cluster.rest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.xml.XmlFormatException;
import org.geoserver.cluster.catalog.xml.XmlTooDeepException;

/** One API request as the endpoints see it: its path below /rest without format suffix, the route's variables and scope, its parameters and body. */
final class RestRequest {

    /** The request attribute holding the user the servlet authenticated. */
    static final String USER_ATTRIBUTE = "org.geoserver.cluster.rest.user";

    private final HttpServletRequest http;
    private final String path;
    private final Format format;
    private final Links links;
    private final Map<String, String> params;
    private final BodyLimits limits;
    private Map<String, String> vars = Map.of();
    private Scope scope = Scope.GLOBAL;
    private byte[] body;

    /**
     * @param path the path below the API base without format suffix, e.g. /workspaces/sf
     * @param format the response format
     * @param links link builder for this request's base URL and format
     * @param limits what its body may hold
     */
    RestRequest(HttpServletRequest http, String path, Format format, Links links, BodyLimits limits) {
        this.http = http;
        this.limits = limits;
        this.path = path;
        this.format = format;
        this.links = links;
        this.params = parseQuery(http.getQueryString());
    }

    void bind(Map<String, String> routeVars, Scope routeScope) {
        this.vars = routeVars;
        this.scope = routeScope;
    }

    String method() {
        return http.getMethod();
    }

    String path() {
        return path;
    }

    Format format() {
        return format;
    }

    Links links() {
        return links;
    }

    Scope scope() {
        return scope;
    }

    /** A path variable of the route, e.g. "name". */
    String var(String name) {
        return vars.get(name);
    }

    String param(String name) {
        return params.get(name);
    }

    Map<String, String> params() {
        return params;
    }

    /** The authenticated user, or null when the request needs no login. */
    String user() {
        Object user = http.getAttribute(USER_ATTRIBUTE);
        return user == null ? null : user.toString();
    }

    /** A boolean query parameter: {@code recurse=true}. */
    boolean flag(String name) {
        return "true".equalsIgnoreCase(params.get(name));
    }

    String contentType() {
        return http.getContentType();
    }

    /** @throws RestException 413 when the body is larger than the limit */
    byte[] body() {
        if (body == null) {
            try {
                body = limits.read(http.getInputStream(), http.getContentLengthLong());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the body of " + method() + " " + path, e);
            }
        }
        return body;
    }

    /**
     * The body's format from its Content-Type; without a known one (curl -d sends form encoding)
     * from its first character. An SLD sent as plain XML counts as SLD.
     */
    Format bodyFormat() {
        Format declared = contentType() == null ? null : Format.ofMediaType(contentType());
        if (declared == Format.XML || declared == null) {
            byte[] bytes = body();
            if (StyleBodies.isSld(bytes)) {
                return Format.SLD;
            }
            if (declared == null) {
                return sniff(bytes);
            }
        }
        return declared;
    }

    private Format sniff(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '<') {
                return Format.XML;
            }
            if (b == '{') {
                return Format.JSON;
            }
            if (!Character.isWhitespace(b)) {
                break;
            }
        }
        throw RestException.unsupportedMediaType("cannot read a body of type " + contentType() + ": send application/xml or application/json");
    }

    /**
     * The body as an object tree whose root must be {@code element}.
     *
     * @throws RestException 400 for an empty, malformed or other body, or one beyond the limits
     */
    XmlElement bodyTree(String element) {
        byte[] bytes = body();
        if (bytes.length == 0) {
            throw RestException.badRequest("the request has no body: send a <" + element + "> in XML or JSON");
        }
        Format bodyFormat = bodyFormat();
        XmlElement tree;
        if (bodyFormat == Format.JSON) {
            tree = JsonTree.read(bytes, limits);
        } else if (bodyFormat == Format.XML) {
            try {
                tree = Reply.XML.parse(bytes, limits.maxDepth());
            } catch (XmlTooDeepException e) {
                throw limits.tooDeep();
            } catch (XmlFormatException e) {
                throw RestException.badRequest(e.getMessage());
            }
        } else {
            throw RestException.unsupportedMediaType("a <" + element + "> is sent as application/xml or application/json, not " + contentType());
        }
        limits.check(tree);
        if (!tree.name().equals(element)) {
            throw RestException.badRequest("expected a <" + element + "> body, got <" + tree.name() + ">");
        }
        return tree;
    }

    /**
     * Query parameters from the query string only: {@code getParameter} would read a form-encoded
     * body (curl's default Content-Type) as parameters and leave no body to parse.
     */
    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : List.of(query.split("&"))) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }
}
