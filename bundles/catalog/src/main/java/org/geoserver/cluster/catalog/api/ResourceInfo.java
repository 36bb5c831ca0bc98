package org.geoserver.cluster.catalog.api;

import java.util.List;
import java.util.Map;

/** A published resource of a store: feature type, coverage, WMS or WMTS layer. */
public abstract class ResourceInfo extends CatalogInfo {

    protected ResourceInfo(XmlElement xml) {
        super(xml);
    }

    public String getNativeName() {
        return get("nativeName");
    }

    public void setNativeName(String nativeName) {
        set("nativeName", nativeName);
    }

    public String getNamespace() {
        return getRef("namespace");
    }

    public void setNamespace(String namespaceId) {
        setRef("namespace", namespaceId);
    }

    public String getStore() {
        return getRef("store");
    }

    /** Sets the store reference with the class attribute GeoServer writes for that kind of store. */
    public void setStore(StoreInfo store) {
        setRef("store", store.getId(), store.type().elementName());
    }

    public String getTitle() {
        return get("title");
    }

    public void setTitle(String title) {
        set("title", title);
    }

    public String getAbstract() {
        return get("abstract");
    }

    public void setAbstract(String text) {
        set("abstract", text);
    }

    public List<String> getKeywords() {
        return getList("keywords");
    }

    public void setKeywords(List<String> keywords) {
        setList("keywords", "string", keywords);
    }

    public String getSRS() {
        return get("srs");
    }

    public void setSRS(String srs) {
        set("srs", srs);
    }

    public String getProjectionPolicy() {
        return get("projectionPolicy");
    }

    public void setProjectionPolicy(String policy) {
        set("projectionPolicy", policy);
    }

    public XmlElement getNativeBoundingBox() {
        return xml().child("nativeBoundingBox");
    }

    public XmlElement getLatLonBoundingBox() {
        return xml().child("latLonBoundingBox");
    }

    public boolean isEnabled() {
        return getBoolean("enabled", true);
    }

    public void setEnabled(boolean enabled) {
        setBoolean("enabled", enabled);
    }

    public boolean isAdvertised() {
        return getBoolean("advertised", true);
    }

    public void setAdvertised(boolean advertised) {
        setBoolean("advertised", advertised);
    }

    public Map<String, String> getMetadata() {
        return getEntries("metadata");
    }

    public void setMetadata(String key, String value) {
        putEntry("metadata", key, value);
    }

    /** The layer type GeoServer gives a layer publishing this kind of resource. */
    public abstract String layerType();
}
