package org.geoserver.cluster.catalog.types;

import java.util.List;
import java.util.Locale;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * What a property holds, as GeoServer's XStream reads it: a text it converts (string, integer,
 * decimal, boolean, enumeration) or elements (a reference by id, a list, a map, a nested structure).
 */
public record ValueType(Kind kind, List<String> values, String structure) {

    public enum Kind {
        STRING, INTEGER, LONG, DECIMAL, BOOLEAN, ENUMERATION, REFERENCE, LIST, MAP, STRUCTURE
    }

    public ValueType {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static final ValueType STRING = new ValueType(Kind.STRING, null, null);
    public static final ValueType INTEGER = new ValueType(Kind.INTEGER, null, null);
    public static final ValueType LONG = new ValueType(Kind.LONG, null, null);
    public static final ValueType DECIMAL = new ValueType(Kind.DECIMAL, null, null);
    public static final ValueType BOOLEAN = new ValueType(Kind.BOOLEAN, null, null);
    public static final ValueType REFERENCE = new ValueType(Kind.REFERENCE, null, null);
    public static final ValueType LIST = new ValueType(Kind.LIST, null, null);
    public static final ValueType MAP = new ValueType(Kind.MAP, null, null);

    public static ValueType enumeration(String... values) {
        return new ValueType(Kind.ENUMERATION, List.of(values), null);
    }

    /** A nested element described by the {@link ObjectType} of this name. */
    public static ValueType structure(String name) {
        return new ValueType(Kind.STRUCTURE, null, name);
    }

    /** True for the kinds whose text GeoServer converts and so can refuse. */
    public boolean isChecked() {
        return kind == Kind.INTEGER || kind == Kind.LONG || kind == Kind.DECIMAL || kind == Kind.BOOLEAN || kind == Kind.ENUMERATION;
    }

    /** Whether GeoServer reads this element as a value of this type; elements of unchecked kinds always are. */
    public boolean accepts(XmlElement element) {
        if (!isChecked()) {
            return true;
        }
        if (element.hasChildren()) {
            return false;
        }
        String text = element.text();
        if (text == null) {
            // An empty element is an absent value for XStream's converters of wrapper types; refuse for none.
            return true;
        }
        String value = text.trim();
        try {
            switch (kind) {
                case INTEGER -> Integer.decode(value);
                case LONG -> Long.decode(value);
                case DECIMAL -> Double.parseDouble(value);
                case BOOLEAN -> {
                    return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
                }
                case ENUMERATION -> {
                    return values.contains(value);
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** What is expected, for messages: "an integer", "one of SINGLE, NAMED". */
    public String describe() {
        return switch (kind) {
            case INTEGER -> "an integer (32 bits)";
            case LONG -> "an integer (64 bits)";
            case DECIMAL -> "a decimal number";
            case BOOLEAN -> "true or false";
            case ENUMERATION -> "one of " + String.join(", ", values);
            case STRUCTURE -> "a " + structure + " structure";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    }

    /** A text this type refuses (for tests generated from the description), or null when it refuses none. */
    public String wrongExample() {
        return switch (kind) {
            case INTEGER, LONG, DECIMAL -> "None";
            case BOOLEAN -> "lots";
            case ENUMERATION -> "NOT_" + values.get(0) + "_x";
            default -> null;
        };
    }
}
