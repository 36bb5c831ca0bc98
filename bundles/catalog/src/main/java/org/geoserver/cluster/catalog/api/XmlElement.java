package org.geoserver.cluster.catalog.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable XML element: name, attributes, text and child elements, in document order. Catalog
 * objects keep their whole GeoServer XML in such a tree, so elements this model does not know
 * (newer GeoServer versions, extensions) survive a read and a write unchanged. Every "with" method
 * returns a new element that shares the unchanged parts.
 */
public final class XmlElement {

    private static final String[] NO_ATTRIBUTES = new String[0];
    private static final XmlElement[] NO_CHILDREN = new XmlElement[0];

    private final String name;
    /** name, value, name, value, ... */
    private final String[] attributes;
    private final String text;
    private final XmlElement[] children;

    private XmlElement(String name, String[] attributes, String text, XmlElement[] children) {
        this.name = Objects.requireNonNull(name, "name");
        this.attributes = attributes;
        this.text = text;
        this.children = children;
    }

    /** An empty element. */
    public static XmlElement of(String name) {
        return new XmlElement(name, NO_ATTRIBUTES, null, NO_CHILDREN);
    }

    /** An element holding only text; a null text gives an empty element. */
    public static XmlElement text(String name, String text) {
        return new XmlElement(name, NO_ATTRIBUTES, text, NO_CHILDREN);
    }

    /** An element with the given children. */
    public static XmlElement of(String name, List<XmlElement> children) {
        return new XmlElement(name, NO_ATTRIBUTES, null, children.toArray(NO_CHILDREN));
    }

    /** Builds elements while parsing, without a copy per child. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The text content, or null when the element has none (it may have children). */
    public String text() {
        return text;
    }

    public boolean hasChildren() {
        return children.length > 0;
    }

    public List<XmlElement> children() {
        return Collections.unmodifiableList(Arrays.asList(children));
    }

    /** The first child with this name, or null. */
    public XmlElement child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    /** Every child with this name, in order. */
    public List<XmlElement> children(String childName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The text of the first child with this name, or null. */
    public String childText(String childName) {
        XmlElement child = child(childName);
        return child == null ? null : child.text;
    }

    /** Follows a path of child names; null when any step is missing. */
    public XmlElement path(String... names) {
        XmlElement current = this;
        for (String step : names) {
            current = current.child(step);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    public String attribute(String attributeName) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals(attributeName)) {
                return attributes[i + 1];
            }
        }
        return null;
    }

    public Map<String, String> attributes() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return map;
    }

    /** This element renamed. */
    public XmlElement withName(String newName) {
        return new XmlElement(newName, attributes, text, children);
    }

    /** This element with only this text (children dropped); null empties it. */
    public XmlElement withText(String newText) {
        return new XmlElement(name, attributes, newText, NO_CHILDREN);
    }

    /** Sets (or with a null value removes) an attribute. */
    public XmlElement withAttribute(String attributeName, String value) {
        List<String> pairs = new ArrayList<>(Arrays.asList(attributes));
        int index = -1;
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals(attributeName)) {
                index = i;
            }
        }
        if (index >= 0) {
            pairs.remove(index + 1);
            pairs.remove(index);
        }
        if (value != null) {
            int at = index >= 0 ? index : pairs.size();
            pairs.add(at, attributeName);
            pairs.add(at + 1, value);
        }
        return new XmlElement(name, pairs.toArray(NO_ATTRIBUTES), text, children);
    }

    /** Replaces the first child named like {@code child} in place, or appends it; removes it when null. */
    public XmlElement withChild(String childName, XmlElement child) {
        List<XmlElement> list = new ArrayList<>(Arrays.asList(children));
        int index = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name.equals(childName)) {
                index = i;
                break;
            }
        }
        if (child == null) {
            if (index < 0) {
                return this;
            }
            list.remove(index);
        } else if (index >= 0) {
            list.set(index, child.name.equals(childName) ? child : child.withName(childName));
        } else {
            list.add(child.name.equals(childName) ? child : child.withName(childName));
        }
        return new XmlElement(name, attributes, list.isEmpty() ? text : null, list.toArray(NO_CHILDREN));
    }

    /** Sets the text of a child element (created at the end if missing); a null value removes the child. */
    public XmlElement withChildText(String childName, String value) {
        if (value == null) {
            return withChild(childName, null);
        }
        XmlElement existing = child(childName);
        return withChild(childName, existing == null ? text(childName, value) : existing.withText(value));
    }

    /** Replaces every child with this name by the given ones, at the position of the first (or the end). */
    public XmlElement withChildren(String childName, List<XmlElement> replacements) {
        List<XmlElement> list = new ArrayList<>();
        int insertAt = -1;
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                if (insertAt < 0) {
                    insertAt = list.size();
                }
            } else {
                list.add(child);
            }
        }
        list.addAll(insertAt < 0 ? list.size() : insertAt, replacements);
        return new XmlElement(name, attributes, list.isEmpty() ? text : null, list.toArray(NO_CHILDREN));
    }

    /** All children replaced. */
    public XmlElement withChildren(List<XmlElement> newChildren) {
        return new XmlElement(name, attributes, newChildren.isEmpty() ? text : null, newChildren.toArray(NO_CHILDREN));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XmlElement other
                && name.equals(other.name)
                && Objects.equals(text, other.text)
                && Arrays.equals(attributes, other.attributes)
                && Arrays.equals(children, other.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, text, Arrays.hashCode(attributes), Arrays.hashCode(children));
    }

    /** Compact XML, for messages and debugging. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    private void appendTo(StringBuilder out) {
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        if (text == null && children.length == 0) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (text != null) {
            out.append(escape(text));
        }
        for (XmlElement child : children) {
            child.appendTo(out);
        }
        out.append("</").append(name).append('>');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Collects attributes and children of one element while a document is read. */
    public static final class Builder {
        private final String name;
        private final List<String> attributes = new ArrayList<>(2);
        private final List<XmlElement> children = new ArrayList<>();
        private String text;

        private Builder(String name) {
            this.name = name;
        }

        public Builder attribute(String attributeName, String value) {
            attributes.add(attributeName);
            attributes.add(value);
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder child(XmlElement child) {
            children.add(child);
            return this;
        }

        public XmlElement build() {
            return new XmlElement(
                    name,
                    attributes.isEmpty() ? NO_ATTRIBUTES : attributes.toArray(NO_ATTRIBUTES),
                    children.isEmpty() ? text : null,
                    children.isEmpty() ? NO_CHILDREN : children.toArray(NO_CHILDREN));
        }
    }
}
