package org.geoserver.cluster.catalog.api;

/** A layer of a cascaded WMS ({@code wmslayer.xml}). */
public final class WMSLayerInfo extends ResourceInfo {

    public WMSLayerInfo() {
        this(XmlElement.of("wmsLayer"));
    }

    public WMSLayerInfo(XmlElement xml) {
        super(xml);
    }

    @Override
    public String layerType() {
        return "WMS";
    }
}
