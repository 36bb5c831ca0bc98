package org.geoserver.cluster.rest.internal;

import java.util.ArrayList;
import java.util.List;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.XmlElement;

/** /layergroups and /workspaces/{ws}/layergroups; accepts the legacy {@code <layers>} member list; computes missing bounds. */
final class LayerGroupKind extends WorkspaceScopedKind<LayerGroupInfo> {

    LayerGroupKind(Catalog catalog) {
        super(catalog, InfoType.LAYERGROUP, "layergroups");
    }

    @Override
    String label() {
        return "layer group";
    }

    @Override
    LayerGroupInfo lookup(String workspace, String name) {
        return catalog.getLayerGroupByName(workspace, name);
    }

    @Override
    String workspaceOf(LayerGroupInfo info) {
        return info.getWorkspace();
    }

    @Override
    void setWorkspace(LayerGroupInfo info, String workspaceId) {
        info.setWorkspace(workspaceId);
    }

    /** Older clients list members as {@code <layers><layer>name</layer></layers>}: read them as published layers. */
    @Override
    XmlElement prepare(XmlElement body) {
        XmlElement layers = body.child("layers");
        if (layers == null || body.child("publishables") != null) {
            return body;
        }
        List<XmlElement> published = new ArrayList<>();
        for (XmlElement layer : layers.children("layer")) {
            published.add(layer.withName("published").withAttribute("type", "layer"));
        }
        return body.withChild("layers", null).withChild("publishables", XmlElement.of("publishables", published));
    }

    @Override
    LayerGroupInfo create(LayerGroupInfo info, RestRequest request) {
        if (info.xml().child("bounds") == null) {
            XmlElement bounds = boundsOf(info);
            if (bounds != null) {
                info.setXml(info.xml().withChild("bounds", bounds));
            }
        }
        return catalog.add(info);
    }

    /**
     * The union of the members' ResourceKind.WGS84 bounds (layers: their resource's lat/lon box; groups: their
     * bounds when in ResourceKind.WGS84), or null when no member has any. Without a CRS library other CRSs cannot
     * be combined.
     */
    private XmlElement boundsOf(LayerGroupInfo group) {
        double[] union = null;
        for (Published member : group.getPublishables()) {
            XmlElement box;
            if (member.isGroup()) {
                LayerGroupInfo nested = catalog.getById(member.id(), LayerGroupInfo.class);
                box = nested == null ? null : nested.xml().child("bounds");
            } else {
                LayerInfo layer = catalog.getById(member.id(), LayerInfo.class);
                ResourceInfo resource = layer == null ? null : catalog.getById(layer.getResource(), ResourceInfo.class);
                box = resource == null ? null : resource.getLatLonBoundingBox();
            }
            double[] extent = wgs84Extent(box);
            if (extent != null) {
                union = union == null ? extent : new double[] {
                    Math.min(union[0], extent[0]), Math.max(union[1], extent[1]), Math.min(union[2], extent[2]), Math.max(union[3], extent[3])};
            }
        }
        if (union == null) {
            return null;
        }
        return XmlElement.of("bounds", List.of(
                XmlElement.text("minx", Double.toString(union[0])), XmlElement.text("maxx", Double.toString(union[1])),
                XmlElement.text("miny", Double.toString(union[2])), XmlElement.text("maxy", Double.toString(union[3])),
                XmlElement.text("crs", ResourceKind.WGS84)));
    }

    /** minx, maxx, miny, maxy of a box in ResourceKind.WGS84 (a missing crs is taken as ResourceKind.WGS84, as lat/lon boxes are), or null. */
    private static double[] wgs84Extent(XmlElement box) {
        if (box == null) {
            return null;
        }
        String crs = box.childText("crs");
        if (crs != null && !ResourceKind.WGS84.equals(crs.trim())) {
            return null;
        }
        double[] extent = new double[4];
        String[] names = {"minx", "maxx", "miny", "maxy"};
        for (int i = 0; i < names.length; i++) {
            String value = box.childText(names[i]);
            try {
                extent[i] = Double.parseDouble(value == null ? "" : value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return extent;
    }
}
