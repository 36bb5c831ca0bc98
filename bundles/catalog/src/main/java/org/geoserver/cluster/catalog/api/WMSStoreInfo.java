package org.geoserver.cluster.catalog.api;

/** A cascaded WMS ({@code wmsstore.xml}). */
public final class WMSStoreInfo extends StoreInfo {

    public WMSStoreInfo() {
        this(XmlElement.of("wmsStore"));
    }

    public WMSStoreInfo(XmlElement xml) {
        super(xml);
    }

    public String getCapabilitiesURL() {
        return get("capabilitiesURL");
    }

    public void setCapabilitiesURL(String url) {
        set("capabilitiesURL", url);
    }
}
