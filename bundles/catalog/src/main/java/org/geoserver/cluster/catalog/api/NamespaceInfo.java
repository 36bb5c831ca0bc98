package org.geoserver.cluster.catalog.api;

/** A namespace ({@code namespace.xml}): prefix (the workspace name) and URI. */
public final class NamespaceInfo extends CatalogInfo {

    public NamespaceInfo() {
        this(XmlElement.of("namespace"));
    }

    public NamespaceInfo(XmlElement xml) {
        super(xml);
    }

    public static NamespaceInfo of(String prefix, String uri) {
        NamespaceInfo namespace = new NamespaceInfo();
        namespace.setPrefix(prefix);
        namespace.setURI(uri);
        return namespace;
    }

    /** The prefix is the namespace's name. */
    @Override
    public String getName() {
        return getPrefix();
    }

    @Override
    public void setName(String name) {
        setPrefix(name);
    }

    public String getPrefix() {
        return get("prefix");
    }

    public void setPrefix(String prefix) {
        set("prefix", prefix);
    }

    public String getURI() {
        return get("uri");
    }

    public void setURI(String uri) {
        set("uri", uri);
    }

    public boolean isIsolated() {
        return getBoolean("isolated", false);
    }
}
