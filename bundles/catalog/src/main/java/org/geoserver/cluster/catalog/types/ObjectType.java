package org.geoserver.cluster.catalog.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * An object type (a catalog object, a configuration object, a service) or a structure nested in
 * one, named by its XML element: its typed properties in GeoServer's order, the upgrades GeoServer
 * applies to older forms when it reads one, and those it applies when it adds one. Properties not
 * listed (extensions, newer versions) are neither typed nor touched.
 */
public record ObjectType(String element, Map<String, PropertyType> properties, List<Upgrade> upgrades, List<Upgrade> onAdd) {

    public ObjectType {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        upgrades = List.copyOf(upgrades);
        onAdd = List.copyOf(onAdd);
    }

    public PropertyType property(String name) {
        return properties.get(name);
    }

    static Builder builder(String element) {
        return new Builder(element);
    }

    /** The table's DSL: one call per property, in GeoServer's order. */
    static final class Builder {
        private final String element;
        private final Map<String, PropertyType> properties = new LinkedHashMap<>();
        private final List<Upgrade> upgrades = new ArrayList<>();
        private final List<Upgrade> onAdd = new ArrayList<>();

        private Builder(String element) {
            this.element = element;
        }

        Builder property(String name, ValueType type, XmlElement defaultValue) {
            if (properties.put(name, new PropertyType(name, type, defaultValue)) != null) {
                throw new IllegalStateException(element + "." + name + " is described twice");
            }
            return this;
        }

        private Builder text(String name, ValueType type, String defaultText) {
            return property(name, type, defaultText == null ? null : XmlElement.text(name, defaultText));
        }

        Builder string(String... names) {
            for (String name : names) {
                text(name, ValueType.STRING, null);
            }
            return this;
        }

        Builder stringDefault(String name, String defaultText) {
            return text(name, ValueType.STRING, defaultText);
        }

        Builder integer(String name) {
            return text(name, ValueType.INTEGER, null);
        }

        Builder integer(String name, int defaultValue) {
            return text(name, ValueType.INTEGER, Integer.toString(defaultValue));
        }

        Builder longInteger(String name, long defaultValue) {
            return text(name, ValueType.LONG, Long.toString(defaultValue));
        }

        Builder decimal(String name) {
            return text(name, ValueType.DECIMAL, null);
        }

        Builder bool(String... names) {
            for (String name : names) {
                text(name, ValueType.BOOLEAN, null);
            }
            return this;
        }

        /** Booleans GeoServer presents as false when absent (primitive fields: XStream sets no initial value). */
        Builder boolFalse(String... names) {
            for (String name : names) {
                text(name, ValueType.BOOLEAN, "false");
            }
            return this;
        }

        Builder enumeration(String name, String defaultText, String... values) {
            return text(name, ValueType.enumeration(values), defaultText);
        }

        Builder reference(String... names) {
            for (String name : names) {
                property(name, ValueType.REFERENCE, null);
            }
            return this;
        }

        Builder list(String... names) {
            for (String name : names) {
                property(name, ValueType.LIST, null);
            }
            return this;
        }

        Builder map(String... names) {
            for (String name : names) {
                property(name, ValueType.MAP, null);
            }
            return this;
        }

        Builder structure(String name, String structureType) {
            return property(name, ValueType.structure(structureType), null);
        }

        Builder structure(String name, String structureType, XmlElement defaultValue) {
            return property(name, ValueType.structure(structureType), defaultValue);
        }

        Builder upgrade(String description, Upgrade.Rewrite rewrite) {
            upgrades.add(new Upgrade(description, rewrite));
            return this;
        }

        Builder onAdd(String description, Upgrade.Rewrite rewrite) {
            onAdd.add(new Upgrade(description, rewrite));
            return this;
        }

        ObjectType build() {
            return new ObjectType(element, properties, upgrades, onAdd);
        }
    }
}
