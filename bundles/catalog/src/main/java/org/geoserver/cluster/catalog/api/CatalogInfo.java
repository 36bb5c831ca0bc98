package org.geoserver.cluster.catalog.api;

/** An object of the catalog proper (workspaces, stores, resources, layers, groups, styles). */
public abstract class CatalogInfo extends Info {

    protected CatalogInfo(XmlElement xml) {
        super(xml);
    }

    public String getName() {
        return get("name");
    }

    public void setName(String name) {
        set("name", name);
    }

    public String getDateCreated() {
        return get("dateCreated");
    }

    public String getDateModified() {
        return get("dateModified");
    }

    public void setDateModified(String date) {
        set("dateModified", date);
    }

    @Override
    public String toString() {
        return type() + " '" + getName() + "' (" + getId() + ")";
    }
}
