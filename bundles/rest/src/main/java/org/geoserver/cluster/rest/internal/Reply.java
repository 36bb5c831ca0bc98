package org.geoserver.cluster.rest.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.xml.InfoXml;

/**
 * What an endpoint answers: status, body and its media type, and for a creation the new object's
 * URL. Encodes object trees in the negotiated format.
 *
 * @param location the Location header, or null
 */
record Reply(int status, String contentType, byte[] body, String location) {

    private static final byte[] NONE = new byte[0];
    private static final String UTF8 = ";charset=UTF-8";
    private static final String TEXT = "text/plain" + UTF8;
    /** GeoServer's XML codec, shared: it is thread-safe and costly to build. */
    static final InfoXml XML = new InfoXml();

    /** 200 without a body: an update or removal done. */
    static Reply ok() {
        return new Reply(HttpServletResponse.SC_OK, null, NONE, null);
    }

    /** 201 with the new object's URL and its name as text: {@link GeoServerQuirks} 6. */
    static Reply created(String location, String name) {
        return new Reply(HttpServletResponse.SC_CREATED, TEXT, name.getBytes(StandardCharsets.UTF_8), location);
    }

    /** 200 with a one-line message for people: an action done. */
    static Reply message(String message) {
        return new Reply(HttpServletResponse.SC_OK, TEXT, message.getBytes(StandardCharsets.UTF_8), null);
    }

    static Reply file(byte[] body, String mediaType) {
        return new Reply(HttpServletResponse.SC_OK, mediaType, body, null);
    }

    static Reply error(int status, String message) {
        return new Reply(status, TEXT, message.getBytes(StandardCharsets.UTF_8), null);
    }

    /** 200 with an object or list in the requested format. */
    static Reply of(XmlElement tree, Format format) {
        return switch (format) {
            case JSON -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                JsonTree.write(tree, out);
                yield new Reply(HttpServletResponse.SC_OK, Format.JSON.mediaType() + UTF8, out.toByteArray(), null);
            }
            case HTML -> new Reply(HttpServletResponse.SC_OK, Format.HTML.mediaType() + UTF8, html(tree), null);
            case XML, SLD -> new Reply(HttpServletResponse.SC_OK, Format.XML.mediaType() + UTF8, XML.toXml(tree).getBytes(StandardCharsets.UTF_8), null);
        };
    }

    /** A minimal page: the XML form, readable in a browser. */
    private static byte[] html(XmlElement tree) {
        String xml = XML.toXml(tree).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>" + tree.name() + "</title></head><body><pre>" + xml + "</pre></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
