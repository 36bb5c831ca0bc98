package org.geoserver.cluster.catalog.api;

import java.util.Map;

/** A store of a workspace: data, coverage, WMS or WMTS store. */
public abstract class StoreInfo extends CatalogInfo {

    protected StoreInfo(XmlElement xml) {
        super(xml);
    }

    public String getWorkspace() {
        return getRef("workspace");
    }

    public void setWorkspace(String workspaceId) {
        setRef("workspace", workspaceId);
    }

    public String getDescription() {
        return get("description");
    }

    public void setDescription(String description) {
        set("description", description);
    }

    /** The kind of store, e.g. "Shapefile", "PostGIS", "GeoTIFF". */
    public String getStoreType() {
        return get("type");
    }

    public void setStoreType(String storeType) {
        set("type", storeType);
    }

    public boolean isEnabled() {
        return getBoolean("enabled", true);
    }

    public void setEnabled(boolean enabled) {
        setBoolean("enabled", enabled);
    }

    public Map<String, String> getConnectionParameters() {
        return getEntries("connectionParameters");
    }

    public void setConnectionParameter(String key, String value) {
        putEntry("connectionParameters", key, value);
    }

    /** GeoServer's {@code __default} flag: the default store of its workspace. */
    public boolean isDefault() {
        return getBoolean("__default", false);
    }

    public void setDefault(boolean isDefault) {
        setBoolean("__default", isDefault);
    }
}
