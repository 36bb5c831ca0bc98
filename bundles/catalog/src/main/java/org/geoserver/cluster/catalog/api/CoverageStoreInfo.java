package org.geoserver.cluster.catalog.api;

/** A raster store ({@code coveragestore.xml}). */
public final class CoverageStoreInfo extends StoreInfo {

    public CoverageStoreInfo() {
        this(XmlElement.of("coverageStore"));
    }

    public CoverageStoreInfo(XmlElement xml) {
        super(xml);
    }

    public String getURL() {
        return get("url");
    }

    public void setURL(String url) {
        set("url", url);
    }
}
