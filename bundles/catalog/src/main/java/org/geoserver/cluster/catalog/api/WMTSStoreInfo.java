package org.geoserver.cluster.catalog.api;

/** A cascaded WMTS ({@code wmtsstore.xml}). */
public final class WMTSStoreInfo extends StoreInfo {

    public WMTSStoreInfo() {
        this(XmlElement.of("wmtsStore"));
    }

    public WMTSStoreInfo(XmlElement xml) {
        super(xml);
    }

    public String getCapabilitiesURL() {
        return get("capabilitiesURL");
    }

    public void setCapabilitiesURL(String url) {
        set("capabilitiesURL", url);
    }
}
