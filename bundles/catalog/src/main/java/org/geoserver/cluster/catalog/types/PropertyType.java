package org.geoserver.cluster.catalog.types;

import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * One property of an object type: the child element's name, its value type and the element
 * GeoServer presents when the property is absent (null when it presents none).
 */
public record PropertyType(String name, ValueType type, XmlElement defaultValue) {

    /** The default as text, for the defaults that are one value (null otherwise). */
    public String defaultText() {
        return defaultValue == null || defaultValue.hasChildren() ? null : defaultValue.text();
    }
}
