package org.geoserver.cluster.catalog.api;

/**
 * The catalog's default workspace (and so default namespace), a singleton so that changing it is a
 * change like any other, captured and persisted as {@code workspaces/default.xml}.
 */
public final class CatalogDefaults extends Info {

    public static final String ID = "defaults";

    public CatalogDefaults() {
        this(XmlElement.of("defaults"));
    }

    public CatalogDefaults(XmlElement xml) {
        super(xml);
    }

    @Override
    protected String fixedId() {
        return ID;
    }

    public String getDefaultWorkspace() {
        return getRef("defaultWorkspace");
    }

    public void setDefaultWorkspace(String workspaceId) {
        setRef("defaultWorkspace", workspaceId);
    }
}
