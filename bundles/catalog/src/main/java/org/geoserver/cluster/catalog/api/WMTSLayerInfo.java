package org.geoserver.cluster.catalog.api;

/** A layer of a cascaded WMTS ({@code wmtslayer.xml}). */
public final class WMTSLayerInfo extends ResourceInfo {

    public WMTSLayerInfo() {
        this(XmlElement.of("wmtsLayer"));
    }

    public WMTSLayerInfo(XmlElement xml) {
        super(xml);
    }

    @Override
    public String layerType() {
        return "WMTS";
    }
}
