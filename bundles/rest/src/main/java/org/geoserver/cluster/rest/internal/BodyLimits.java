package org.geoserver.cluster.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one request body may hold: its size, how deep its elements nest and how many there are. A
 * body beyond a limit is refused before anything changes, with a message naming the limit (its key
 * in {@value #CONFIG_FILE}) and the body's value.
 */
record BodyLimits(int maxBodyBytes, int maxDepth, int maxElements) {

    static final String CONFIG_FILE = "etc/" + RestServlet.PID + ".cfg";

    /** Room for a style with embedded graphics (SVG or base64 images), yet not a denial of service. */
    static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

    /** GeoServer's objects nest less than ten elements deep. */
    static final int DEFAULT_MAX_DEPTH = 64;

    /** A feature type with a thousand attributes holds about ten thousand elements. */
    static final int DEFAULT_MAX_ELEMENTS = 100_000;

    static final BodyLimits DEFAULTS = new BodyLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS);

    private static final Logger LOG = LoggerFactory.getLogger(BodyLimits.class);

    /** The configured limits; a value out of range is logged and replaced by its default. */
    static BodyLimits from(RestConfig config) {
        return new BodyLimits(
                inRange("maxBodyBytes", config.maxBodyBytes(), 1, Integer.MAX_VALUE - 8, DEFAULT_MAX_BODY_BYTES),
                inRange("maxDepth", config.maxDepth(), 2, InfoXml.MAX_DEPTH, DEFAULT_MAX_DEPTH),
                inRange("maxElements", config.maxElements(), 1, Integer.MAX_VALUE, DEFAULT_MAX_ELEMENTS));
    }

    private static int inRange(String key, int value, int min, int max, int fallback) {
        if (value >= min && value <= max) {
            return value;
        }
        LOG.warn("{} = {} in {} is outside {}..{}; using {}", key, value, CONFIG_FILE, min, max, fallback);
        return fallback;
    }

    /**
     * The body, read up to the limit.
     *
     * @param declaredLength the Content-Length header, or -1 when the body is sent in chunks
     * @throws RestException 413 when it is larger than the limit
     */
    byte[] read(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > maxBodyBytes) {
            throw tooLarge(Long.toString(declaredLength));
        }
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw tooLarge("more than " + maxBodyBytes);
        }
        return body;
    }

    /**
     * Reads and drops what a refused request still sends, up to the limit: a client that is still
     * writing its body when the answer comes would otherwise see its connection reset, not the answer.
     *
     * @return false when more than the limit is left; the connection is then best closed
     */
    boolean discardUnread(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > maxBodyBytes) {
            return false;
        }
        long left = maxBodyBytes + 1L;
        byte[] buffer = new byte[64 * 1024];
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
        return left > 0;
    }

    private RestException tooLarge(String size) {
        return new RestException(413, "the request body has " + size + " bytes; the limit is maxBodyBytes = " + maxBodyBytes + " in " + CONFIG_FILE);
    }

    /** 400 for a document whose elements nest deeper than the limit. */
    RestException tooDeep() {
        return RestException.badRequest("the request body nests elements deeper than maxDepth = " + maxDepth + " in " + CONFIG_FILE);
    }

    /**
     * Checks a body's tree against the depth and element limits (the XML reader stops at the depth
     * already; a JSON body is a tree only once read).
     *
     * @throws RestException 400 naming the limit
     */
    void check(XmlElement root) {
        // Iterative: a tree is checked before anything recursive walks it.
        Deque<XmlElement> elements = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        elements.push(root);
        depths.push(1);
        int count = 0;
        while (!elements.isEmpty()) {
            XmlElement element = elements.pop();
            int depth = depths.pop();
            if (depth > maxDepth) {
                throw tooDeep();
            }
            if (++count > maxElements) {
                throw RestException.badRequest("the request body has more than maxElements = " + maxElements + " elements (in " + CONFIG_FILE + ")");
            }
            for (XmlElement child : element.children()) {
                elements.push(child);
                depths.push(depth + 1);
            }
        }
    }
}
