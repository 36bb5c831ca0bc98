package org.geoserver.cluster.rest.internal;

import java.util.Locale;

/**
 * The representations the API reads and writes, chosen as {@link GeoServerQuirks} 7 says (JSON
 * without a suffix or Accept header: what node-fetch and curl clients parse when they send no or a
 * wildcard Accept).
 */
enum Format {
    JSON("json", "application/json"),
    XML("xml", "application/xml"),
    HTML("html", "text/html"),
    /** A style's own file rather than its catalog entry. */
    SLD("sld", "application/vnd.ogc.sld+xml");

    /** SLD 1.1 / Symbology Encoding bodies. */
    static final String SE_MEDIA_TYPE = "application/vnd.ogc.se+xml";

    private final String suffix;
    private final String mediaType;

    Format(String suffix, String mediaType) {
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    String suffix() {
        return suffix;
    }

    String mediaType() {
        return mediaType;
    }

    /** The format a path suffix names, or null when it names none (so it is part of the name: "it.geosolutions"). */
    static Format ofSuffix(String suffix) {
        for (Format format : values()) {
            if (format.suffix.equals(suffix)) {
                return format;
            }
        }
        return null;
    }

    /** The first media type of the header that names a format, in the client's order; JSON when none does. */
    static Format ofAccept(String accept) {
        if (accept != null) {
            for (String range : accept.split(",")) {
                Format format = ofMediaType(range);
                if (format != null) {
                    return format;
                }
            }
        }
        return JSON;
    }

    /** The format of a media type (parameters ignored), or null for any other type. */
    static Format ofMediaType(String mediaType) {
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json", "text/json" -> JSON;
            case "application/xml", "text/xml" -> XML;
            case "text/html" -> HTML;
            case "application/vnd.ogc.sld+xml", SE_MEDIA_TYPE -> SLD;
            default -> null;
        };
    }
}
