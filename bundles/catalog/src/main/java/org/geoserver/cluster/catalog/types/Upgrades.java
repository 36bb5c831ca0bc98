package org.geoserver.cluster.catalog.types;

import java.util.ArrayList;
import java.util.List;
import org.geoserver.cluster.catalog.api.XmlElement;

/** The rewrites the table names, as small element functions. */
final class Upgrades {

    private Upgrades() {}

    /** Styles before the languageVersion property: the deprecated sldVersion gives it. */
    static XmlElement sldVersionToLanguageVersion(XmlElement style, References references) {
        XmlElement sldVersion = style.child("sldVersion");
        if (style.child("languageVersion") != null || sldVersion == null || !sldVersion.hasChildren()) {
            return style;
        }
        return style.withChild("languageVersion", sldVersion.withName("languageVersion"));
    }

    /**
     * Layer groups before 2.3: {@code <layers><layer><id>} becomes {@code <publishables>}, each
     * member typed by what its id names (a nested group is a {@code layerGroup}).
     */
    static XmlElement legacyLayers(XmlElement group, References references) {
        XmlElement layers = group.child("layers");
        if (layers == null || group.child("publishables") != null) {
            return group;
        }
        List<XmlElement> published = new ArrayList<>();
        for (XmlElement layer : layers.children()) {
            String id = layer.childText("id");
            String type = "layerGroup".equals(references.elementOf(id)) ? "layerGroup" : "layer";
            published.add(XmlElement.of("published", List.of(XmlElement.text("id", id))).withAttribute("type", type));
        }
        XmlElement upgraded = group.withChildren("layers", List.of(XmlElement.of("publishables", published)));
        return upgraded;
    }

    /** Layer groups of 2.2: title and abstract were metadata entries. */
    static XmlElement titleAndAbstractFromMetadata(XmlElement group, References references) {
        XmlElement result = group;
        result = fromMetadata(result, "title", "title");
        return fromMetadata(result, "abstract", "abstractTxt");
    }

    private static XmlElement fromMetadata(XmlElement group, String key, String property) {
        XmlElement metadata = group.child("metadata");
        if (group.child(property) != null || metadata == null) {
            return group;
        }
        List<XmlElement> kept = new ArrayList<>();
        String value = null;
        for (XmlElement entry : metadata.children()) {
            if (value == null && "entry".equals(entry.name()) && key.equals(entry.attribute("key")) && !entry.hasChildren() && entry.text() != null) {
                value = entry.text();
            } else {
                kept.add(entry);
            }
        }
        if (value == null) {
            return group;
        }
        return withMetadata(group, metadata, kept).withChildText(property, value);
    }

    /** A group added without styles gets one empty style (the member's default) per member. */
    static XmlElement stylePerMember(XmlElement group, References references) {
        XmlElement styles = group.child("styles");
        XmlElement publishables = group.child("publishables");
        if ((styles != null && styles.hasChildren()) || publishables == null || !publishables.hasChildren()) {
            return group;
        }
        List<XmlElement> empty = new ArrayList<>();
        for (int i = 0; i < publishables.children().size(); i++) {
            empty.add(XmlElement.of("style"));
        }
        return group.withChild("styles", XmlElement.of("styles", empty));
    }

    /**
     * Cascaded stores of 2.1: connection limits were metadata entries; a limit that is absent or
     * not positive takes the entry's value when positive, else GeoServer's default.
     */
    static Upgrade.Rewrite connectionLimits(int maxConnections, int connectTimeout, int readTimeout) {
        return (store, references) -> {
            XmlElement result = store;
            result = limit(result, "maxConnections", maxConnections);
            result = limit(result, "connectTimeout", connectTimeout);
            return limit(result, "readTimeout", readTimeout);
        };
    }

    private static XmlElement limit(XmlElement store, String property, int defaultValue) {
        XmlElement metadata = store.child("metadata");
        String fromMetadata = null;
        XmlElement result = store;
        if (metadata != null) {
            List<XmlElement> kept = new ArrayList<>();
            for (XmlElement entry : metadata.children()) {
                if ("entry".equals(entry.name()) && property.equals(entry.attribute("key")) && !entry.hasChildren()) {
                    fromMetadata = fromMetadata == null ? entry.text() : fromMetadata;
                } else {
                    kept.add(entry);
                }
            }
            if (kept.size() != metadata.children().size()) {
                result = withMetadata(result, metadata, kept);
            }
        }
        if (positive(result.childText(property))) {
            return result;
        }
        return result.withChildText(property, positive(fromMetadata) ? fromMetadata.trim() : Integer.toString(defaultValue));
    }

    /** The metadata map with only these entries; none when empty, as GeoServer writes no empty map. */
    private static XmlElement withMetadata(XmlElement element, XmlElement metadata, List<XmlElement> entries) {
        return element.withChild("metadata", entries.isEmpty() ? null : metadata.withChildren(entries));
    }

    private static boolean positive(String text) {
        if (text == null) {
            return false;
        }
        try {
            return Integer.decode(text.trim()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The versions a service always offers: GeoServer's service loaders add the missing ones;
     * {@code whenEmpty} are added only to an empty list.
     */
    static Upgrade.Rewrite versions(List<String> whenEmpty, List<String> always) {
        return (service, references) -> {
            XmlElement versions = service.child("versions");
            List<XmlElement> items = new ArrayList<>(versions == null ? List.of() : versions.children());
            List<String> present = new ArrayList<>();
            for (XmlElement item : items) {
                present.add(item.childText("version"));
            }
            List<String> wanted = new ArrayList<>(items.isEmpty() ? whenEmpty : List.of());
            wanted.addAll(always);
            boolean changed = false;
            for (String version : wanted) {
                if (!present.contains(version)) {
                    items.add(XmlElement.of("org.geotools.util.Version", List.of(XmlElement.text("version", version))));
                    present.add(version);
                    changed = true;
                }
            }
            if (!changed) {
                return service;
            }
            return service.withChild("versions", (versions == null ? XmlElement.of("versions") : versions).withChildren(items));
        };
    }
}
