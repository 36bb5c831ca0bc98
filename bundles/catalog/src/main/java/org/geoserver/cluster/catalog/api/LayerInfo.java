package org.geoserver.cluster.catalog.api;

import java.util.ArrayList;
import java.util.List;

/** A published layer ({@code layer.xml}, stored in its resource's folder). */
public final class LayerInfo extends CatalogInfo {

    public LayerInfo() {
        this(XmlElement.of("layer"));
    }

    public LayerInfo(XmlElement xml) {
        super(xml);
    }

    /** A layer publishing a resource under the resource's name. */
    public static LayerInfo publishing(ResourceInfo resource) {
        LayerInfo layer = new LayerInfo();
        layer.setName(resource.getName());
        layer.setLayerType(resource.layerType());
        layer.setResource(resource);
        return layer;
    }

    /** VECTOR, RASTER, REMOTE, WMS, WMTS or GROUP. */
    public String getLayerType() {
        return get("type");
    }

    public void setLayerType(String layerType) {
        set("type", layerType);
    }

    public String getResource() {
        return getRef("resource");
    }

    public void setResource(ResourceInfo resource) {
        setRef("resource", resource.getId(), resource.type().elementName());
    }

    public String getDefaultStyle() {
        return getRef("defaultStyle");
    }

    public void setDefaultStyle(String styleId) {
        setRef("defaultStyle", styleId);
    }

    /** Ids of the alternative styles. */
    public List<String> getStyles() {
        List<String> ids = new ArrayList<>();
        XmlElement styles = xml().child("styles");
        if (styles != null) {
            for (XmlElement style : styles.children()) {
                if (style.childText("id") != null) {
                    ids.add(style.childText("id"));
                }
            }
        }
        return ids;
    }

    public void setStyles(List<String> styleIds) {
        if (styleIds.isEmpty()) {
            setXml(xml().withChild("styles", null));
            return;
        }
        List<XmlElement> refs = new ArrayList<>();
        for (String id : styleIds) {
            refs.add(XmlElement.of("style", List.of(XmlElement.text("id", id))));
        }
        XmlElement existing = xml().child("styles");
        XmlElement styles = existing == null ? XmlElement.of("styles").withAttribute("class", "linked-hash-set") : existing;
        setXml(xml().withChild("styles", styles.withChildren(refs)));
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
}
