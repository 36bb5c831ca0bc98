package org.geoserver.cluster.catalog.types;

import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * A rewrite GeoServer applies to an older form of an object when it reads it (or, for
 * {@link ObjectType#onAdd()}, when it adds a new object), described by what it does.
 */
public record Upgrade(String description, Rewrite rewrite) {

    @FunctionalInterface
    public interface Rewrite {
        /** The element upgraded, or the same element when it has nothing to upgrade. */
        XmlElement apply(XmlElement element, References references);
    }

    public XmlElement apply(XmlElement element, References references) {
        return rewrite.apply(element, references);
    }
}
