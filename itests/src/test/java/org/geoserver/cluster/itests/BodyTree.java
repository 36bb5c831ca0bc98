package org.geoserver.cluster.itests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REST request body as a tree of elements, written either as GeoServer's XML or as its JSON form
 * (attributes as {@code "@name"} keys, text beside attributes as {@code "$"}, repeated elements as
 * arrays). One tree gives both formats, so every valid body and every mutation of it is tried in
 * XML and in JSON. Mutable: a generator builds a fresh tree per request and may then damage it.
 */
final class BodyTree {

    String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<BodyTree> children = new ArrayList<>();
    /** Text content, or null for none (an element with children has none). */
    String text;
    /** JSON only: {@link #text} is written as it is (a number, boolean, null, object) rather than as a string. */
    boolean literal;
    /** JSON only: written as an array even with one child, as GeoServer writes collections. */
    boolean list;

    private BodyTree(String name) {
        this.name = name;
    }

    static BodyTree of(String name, BodyTree... children) {
        BodyTree tree = new BodyTree(name);
        tree.children.addAll(List.of(children));
        return tree;
    }

    static BodyTree text(String name, String text) {
        BodyTree tree = new BodyTree(name);
        tree.text = text;
        return tree;
    }

    /** A number or boolean: a JSON literal, plain text in XML. */
    static BodyTree literal(String name, Object value) {
        BodyTree tree = text(name, String.valueOf(value));
        tree.literal = true;
        return tree;
    }

    /** {@code <name><item>..</item></name>}, a JSON array even with one item. */
    static BodyTree list(String name, BodyTree... items) {
        BodyTree tree = of(name, items);
        tree.list = true;
        return tree;
    }

    BodyTree attribute(String key, String value) {
        attributes.put(key, value);
        return this;
    }

    BodyTree add(BodyTree child) {
        children.add(child);
        text = null;
        return this;
    }

    /** The first child of that name, or null. */
    BodyTree child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    /** This element and every element below it, in document order: where a mutation may strike. */
    List<BodyTree> elements() {
        List<BodyTree> all = new ArrayList<>();
        all.add(this);
        children.forEach(c -> all.addAll(c.elements()));
        return all;
    }

    BodyTree copy() {
        BodyTree copy = new BodyTree(name);
        copy.attributes.putAll(attributes);
        children.forEach(c -> copy.children.add(c.copy()));
        copy.text = text;
        copy.literal = literal;
        copy.list = list;
        return copy;
    }

    // ------------------------------------------------------------------ XML

    /** The XML document. Characters XML cannot hold (control characters) are written as they are: that is a mutation's point. */
    String xml() {
        StringBuilder out = new StringBuilder();
        writeXml(out);
        return out.toString();
    }

    private void writeXml(StringBuilder out) {
        out.append('<').append(name);
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escapeXml(v, true)).append('"'));
        if (children.isEmpty() && text == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (children.isEmpty()) {
            out.append(escapeXml(text, false));
        }
        children.forEach(c -> c.writeXml(out));
        out.append("</").append(name).append('>');
    }

    private static String escapeXml(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ JSON

    /** The JSON document {@code {"name": ...}}. */
    String json() {
        StringBuilder out = new StringBuilder();
        out.append('{').append(quote(jsonName(name))).append(':');
        writeJsonValue(out);
        return out.append('}').toString();
    }

    private void writeJsonValue(StringBuilder out) {
        if (attributes.isEmpty() && children.isEmpty()) {
            out.append(text == null ? "\"\"" : literal ? text : quote(text));
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            first = comma(out, first);
            out.append(quote("@" + attribute.getKey())).append(':').append(quote(attribute.getValue()));
        }
        if (children.isEmpty() && text != null) {
            first = comma(out, first);
            out.append("\"$\":").append(literal ? text : quote(text));
        }
        // Children of one name together, as GeoServer's JSON has them: one key, an array when repeated.
        Map<String, List<BodyTree>> byName = new LinkedHashMap<>();
        children.forEach(c -> byName.computeIfAbsent(c.name, n -> new ArrayList<>()).add(c));
        for (Map.Entry<String, List<BodyTree>> group : byName.entrySet()) {
            first = comma(out, first);
            out.append(quote(jsonName(group.getKey()))).append(':');
            if (group.getValue().size() > 1 || list) {
                out.append('[');
                for (int i = 0; i < group.getValue().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    group.getValue().get(i).writeJsonValue(out);
                }
                out.append(']');
            } else {
                group.getValue().get(0).writeJsonValue(out);
            }
        }
        out.append('}');
    }

    private static boolean comma(StringBuilder out, boolean first) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    /** XStream's XML doubles an underscore of a Java field ({@code __default}); JSON keeps one. */
    private static String jsonName(String xmlName) {
        return xmlName.replace("__", "_");
    }

    /** A JSON string; control characters and lone surrogates are escaped, so the JSON stays well formed. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
