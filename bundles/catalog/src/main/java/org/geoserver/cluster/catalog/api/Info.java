package org.geoserver.cluster.catalog.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog or configuration object. Its state is the GeoServer XML element it is read from and
 * written to ({@link #xml()}); the typed accessors of the subclasses read and change that element,
 * so whatever they do not know is kept. Objects handed out by the {@link Catalog} are copies: change
 * them, then {@link Catalog#save} them.
 */
public abstract class Info {

    private XmlElement xml;

    protected Info(XmlElement xml) {
        this.xml = Objects.requireNonNull(xml, "xml");
    }

    /** The whole object as GeoServer writes it (references by id). */
    public final XmlElement xml() {
        return xml;
    }

    /** Replaces the whole state, e.g. with a payload received from another node. */
    public final void setXml(XmlElement newXml) {
        if (!newXml.name().equals(xml.name())) {
            throw new IllegalArgumentException("a " + type() + " needs a <" + xml.name() + "> element, not <" + newXml.name() + ">");
        }
        this.xml = newXml;
    }

    public final InfoType type() {
        return InfoType.of(this);
    }

    public String getId() {
        String fixed = fixedId();
        return fixed != null ? fixed : get("id");
    }

    /** Sets the id; ignored for the singletons, whose files carry no id. */
    public void setId(String id) {
        if (fixedId() == null) {
            set("id", id);
        }
    }

    /** The id of a singleton (global settings, logging, catalog defaults), null for every other object. */
    protected String fixedId() {
        return null;
    }

    /** A detached copy; cheap, since the XML tree is immutable. */
    public final Info copy() {
        return type().wrap(xml);
    }

    /** A copy of this object as its own class. */
    @SuppressWarnings("unchecked")
    public static <T extends Info> T copyOf(T info) {
        return (T) info.copy();
    }

    protected final String get(String child) {
        return xml.childText(child);
    }

    protected final void set(String child, String value) {
        xml = xml.withChildText(child, value);
    }

    protected final boolean getBoolean(String child, boolean absent) {
        String value = get(child);
        return value == null ? absent : Boolean.parseBoolean(value.trim());
    }

    protected final void setBoolean(String child, boolean value) {
        set(child, Boolean.toString(value));
    }

    /** The id inside a reference element such as {@code <workspace><id>..</id></workspace>}. */
    protected final String getRef(String child) {
        XmlElement ref = xml.child(child);
        return ref == null ? null : ref.childText("id");
    }

    /** Sets a reference by id, keeping the element's attributes (e.g. class="dataStore"); null removes it. */
    protected final void setRef(String child, String id) {
        setRef(child, id, null);
    }

    protected final void setRef(String child, String id, String classAttribute) {
        if (id == null) {
            xml = xml.withChild(child, null);
            return;
        }
        XmlElement existing = xml.child(child);
        XmlElement ref = (existing == null ? XmlElement.of(child) : existing).withChildren(List.of(XmlElement.text("id", id)));
        if (classAttribute != null) {
            ref = ref.withAttribute("class", classAttribute);
        }
        xml = xml.withChild(child, ref);
    }

    /** Texts of the children of a list element, e.g. keywords {@code <keywords><string>a</string>...}. */
    protected final List<String> getList(String child) {
        XmlElement list = xml.child(child);
        List<String> values = new ArrayList<>();
        if (list != null) {
            for (XmlElement item : list.children()) {
                values.add(item.text());
            }
        }
        return values;
    }

    protected final void setList(String child, String itemName, List<String> values) {
        if (values == null) {
            xml = xml.withChild(child, null);
            return;
        }
        List<XmlElement> items = new ArrayList<>();
        for (String value : values) {
            items.add(XmlElement.text(itemName, value));
        }
        XmlElement existing = xml.child(child);
        xml = xml.withChild(child, (existing == null ? XmlElement.of(child) : existing).withChildren(items));
    }

    /** Simple entries of a map element such as {@code <metadata><entry key="k">v</entry></metadata>}. */
    protected final Map<String, String> getEntries(String child) {
        Map<String, String> entries = new LinkedHashMap<>();
        XmlElement map = xml.child(child);
        if (map != null) {
            for (XmlElement entry : map.children("entry")) {
                if (entry.attribute("key") != null && !entry.hasChildren()) {
                    entries.put(entry.attribute("key"), entry.text());
                }
            }
        }
        return entries;
    }

    /** Sets one simple map entry (null removes it), keeping typed entries such as dimension infos. */
    protected final void putEntry(String child, String key, String value) {
        XmlElement map = xml.child(child);
        if (map == null) {
            map = XmlElement.of(child);
        }
        List<XmlElement> entries = new ArrayList<>();
        boolean replaced = false;
        for (XmlElement entry : map.children()) {
            if ("entry".equals(entry.name()) && key.equals(entry.attribute("key"))) {
                if (value != null && !replaced) {
                    entries.add(entry.withText(value));
                }
                replaced = true;
            } else {
                entries.add(entry);
            }
        }
        if (!replaced && value != null) {
            entries.add(XmlElement.text("entry", value).withAttribute("key", key));
        }
        xml = xml.withChild(child, map.withChildren(entries));
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Info other && other.getClass() == getClass() && other.xml.equals(xml);
    }

    @Override
    public final int hashCode() {
        return xml.hashCode();
    }

    @Override
    public String toString() {
        return type() + " " + getId();
    }
}
