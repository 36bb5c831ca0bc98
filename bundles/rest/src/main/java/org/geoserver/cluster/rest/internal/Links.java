package org.geoserver.cluster.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * Builds the links of one response: absolute URLs under the API's base URL, written as GeoServer
 * does for the response format: an {@code atom:link} element in XML, a plain {@code href} string in
 * JSON.
 */
final class Links {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final String base;
    private final Format format;

    /**
     * @param base the API's base URL without a trailing slash, e.g. http://localhost:8080/geoserver/rest
     * @param format the response format; links of a style file response point at XML
     */
    Links(String base, Format format) {
        this.base = base;
        this.format = format == Format.SLD ? Format.XML : format;
    }

    /** The absolute URL of an API path, without a format suffix (Location headers). */
    String url(String path) {
        return base + path;
    }

    /** The absolute URL of an API path in the response format. */
    String href(String path) {
        return url(path) + "." + format.suffix();
    }

    /** A named reference: {@code <element><name>n</name><atom:link/></element>} or {"name":n,"href":…}. */
    XmlElement reference(XmlElement element, String name, String path) {
        return element.withChildren(List.of(XmlElement.text("name", name), link(path)));
    }

    /** A property whose value is only a link, e.g. a workspace's {@code dataStores}. */
    XmlElement linkProperty(String property, String path) {
        return format == Format.JSON ? XmlElement.text(property, href(path)) : XmlElement.of(property, List.of(link(path)));
    }

    private XmlElement link(String path) {
        if (format == Format.JSON) {
            return XmlElement.text("href", href(path));
        }
        return XmlElement.of("atom:link")
                .withAttribute("xmlns:atom", ATOM)
                .withAttribute("rel", "alternate")
                .withAttribute("href", href(path))
                .withAttribute("type", format.mediaType());
    }

    /** Percent-encodes one path segment; ':' stays ({@link GeoServerQuirks} 9). */
    static String segment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~:@!$'()*+,;=".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
