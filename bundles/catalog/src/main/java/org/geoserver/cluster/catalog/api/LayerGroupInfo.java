package org.geoserver.cluster.catalog.api;

import java.util.ArrayList;
import java.util.List;

/** A layer group ({@code layergroups/<name>.xml}, global or in a workspace). */
public final class LayerGroupInfo extends CatalogInfo {

    /** A member of the group: a layer or a nested group. */
    public record Published(String type, String id) {
        public static Published layer(String id) {
            return new Published("layer", id);
        }

        public static Published group(String id) {
            return new Published("layerGroup", id);
        }

        public boolean isGroup() {
            return "layerGroup".equals(type);
        }
    }

    public LayerGroupInfo() {
        this(XmlElement.of("layerGroup"));
    }

    public LayerGroupInfo(XmlElement xml) {
        super(xml);
    }

    public String getWorkspace() {
        return getRef("workspace");
    }

    public void setWorkspace(String workspaceId) {
        setRef("workspace", workspaceId);
    }

    /** SINGLE (the default), OPAQUE_CONTAINER, NAMED, CONTAINER or EO. */
    public String getMode() {
        String mode = get("mode");
        return mode == null ? "SINGLE" : mode;
    }

    public void setMode(String mode) {
        set("mode", mode);
    }

    public String getTitle() {
        return get("title");
    }

    public void setTitle(String title) {
        set("title", title);
    }

    /**
     * Members in order, from the current {@code <publishables>} format or the old
     * {@code <layers><layer><id>} one.
     */
    public List<Published> getPublishables() {
        List<Published> members = new ArrayList<>();
        XmlElement publishables = xml().child("publishables");
        if (publishables != null) {
            for (XmlElement published : publishables.children()) {
                String type = published.attribute("type");
                members.add(new Published(type == null ? "layer" : type, published.childText("id")));
            }
            return members;
        }
        XmlElement layers = xml().child("layers");
        if (layers != null) {
            for (XmlElement layer : layers.children()) {
                members.add(Published.layer(layer.childText("id")));
            }
        }
        return members;
    }

    /** Writes the members in the current format (the old {@code <layers>} list is dropped). */
    public void setPublishables(List<Published> members) {
        List<XmlElement> elements = new ArrayList<>();
        for (Published member : members) {
            elements.add(XmlElement.of("published", List.of(XmlElement.text("id", member.id()))).withAttribute("type", member.type()));
        }
        XmlElement xml = xml().withChild("layers", null);
        setXml(xml.withChild("publishables", XmlElement.of("publishables", elements)));
    }

    /** Style id per member, null meaning the member's default style ({@code <style/>}). */
    public List<String> getStyles() {
        List<String> ids = new ArrayList<>();
        XmlElement styles = xml().child("styles");
        if (styles != null) {
            for (XmlElement style : styles.children()) {
                ids.add(style.childText("id"));
            }
        }
        return ids;
    }

    public void setStyles(List<String> styleIds) {
        List<XmlElement> elements = new ArrayList<>();
        for (String id : styleIds) {
            elements.add(id == null ? XmlElement.of("style") : XmlElement.of("style", List.of(XmlElement.text("id", id))));
        }
        setXml(xml().withChild("styles", XmlElement.of("styles", elements)));
    }

    public String getRootLayer() {
        return getRef("rootLayer");
    }

    public String getRootLayerStyle() {
        return getRef("rootLayerStyle");
    }
}
