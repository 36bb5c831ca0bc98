package org.geoserver.cluster.rest.internal;

import java.util.List;
import java.util.Objects;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * Feature types, coverages, WMS and WMTS layers, under their store or directly under the workspace
 * (then in the workspace's default store). Creating one also publishes it as a layer of the same
 * name, as GeoServer does.
 */
final class ResourceKind<T extends ResourceInfo> extends Kind<T> {

    /** The CRS of lat/lon boxes; the only one bounds can be derived in without a CRS library. */
    static final String WGS84 = "EPSG:4326";

    private final String label;
    private final String workspaceSegment;
    private final StoreKind<?> storeKind;

    /**
     * @param segment the URL segment under the store, e.g. "featuretypes"
     * @param workspaceSegment the URL segment directly under the workspace, e.g. "featuretypes" (WMTS: "wmtslayers")
     */
    ResourceKind(Catalog catalog, InfoType type, String segment, String workspaceSegment, String label, StoreKind<?> storeKind) {
        super(catalog, type, segment);
        this.label = label;
        this.workspaceSegment = workspaceSegment;
        this.storeKind = storeKind;
    }

    @Override
    String label() {
        return label;
    }

    String workspaceSegment() {
        return workspaceSegment;
    }

    StoreKind<?> storeKind() {
        return storeKind;
    }

    @Override
    List<T> list(Scope scope) {
        if (scope.store() != null) {
            return catalog.getResourcesByStore(scope.store().getId()).stream().filter(this::isInstance).map(this::cast).toList();
        }
        String namespace = namespaceOf(scope).getId();
        return catalog.list(javaClass()).stream().filter(r -> namespace.equals(r.getNamespace())).toList();
    }

    /** {@code list=available}: {@link GeoServerQuirks} 8. */
    @Override
    boolean listsUnpublished(RestRequest request) {
        String list = request.param("list");
        return "available".equals(list) || "available_with_geom".equals(list);
    }

    @Override
    T lookup(String workspace, String name) {
        if (workspace == null) {
            return null;
        }
        return catalog.getResourceByName(workspace, name, javaClass());
    }

    @Override
    boolean inScope(T info, Scope scope) {
        NamespaceInfo namespace = namespaceOf(scope);
        return namespace != null && namespace.getId().equals(info.getNamespace())
                && (scope.store() == null || scope.store().getId().equals(info.getStore()));
    }

    @Override
    void bind(T info, Scope scope) {
        NamespaceInfo namespace = namespaceOf(scope);
        if (namespace == null) {
            throw RestException.notFound("workspace '" + scope.workspaceName() + "' has no namespace");
        }
        info.setNamespace(namespace.getId());
        StoreInfo store = scope.store() != null ? scope.store() : catalog.getDefaultStore(scope.workspaceId());
        if (store == null || !storeKind.isInstance(store)) {
            throw RestException.notFound("workspace '" + scope.workspaceName() + "' has no default " + storeKind.label()
                    + ": name the store in the URL (/workspaces/" + scope.workspaceName() + "/" + storeKind.segment() + "/{store}/" + segment() + ")");
        }
        info.setStore(store);
    }

    private NamespaceInfo namespaceOf(Scope scope) {
        return catalog.getNamespaceByPrefix(scope.workspaceName());
    }

    @Override
    String path(T info) {
        StoreInfo store = catalog.getById(info.getStore(), StoreInfo.class);
        return storeKind.pathOf(store) + "/" + segment() + "/" + Links.segment(info.getName());
    }

    @Override
    String qualifiedName(T info) {
        NamespaceInfo namespace = catalog.getById(info.getNamespace(), NamespaceInfo.class);
        return (namespace == null ? info.getNamespace() : namespace.getPrefix()) + ":" + info.getName();
    }

    /** Adds the resource with what GeoServer fills in, and its layer; neither stays when the other is refused. */
    @Override
    T create(T info, RestRequest request) {
        if (info.xml().child("enabled") == null) {
            info.setEnabled(true);
        }
        XmlElement nativeBox = info.getNativeBoundingBox();
        if (info.getLatLonBoundingBox() == null && nativeBox != null && isWgs84(info, nativeBox)) {
            // Without a CRS library only the identity case can be derived: native bounds already in WGS84.
            info.setXml(info.xml().withChild("latLonBoundingBox", nativeBox.withName("latLonBoundingBox").withChildText("crs", WGS84)));
        }
        return Writes.addBoth(catalog, info, this::layerFor);
    }

    private static boolean isWgs84(ResourceInfo info, XmlElement box) {
        String crs = box.childText("crs");
        return WGS84.equals(crs == null ? info.getSRS() : crs.trim());
    }

    /** The layer GeoServer creates with a resource: same name, default style from the kind of data. */
    private LayerInfo layerFor(T resource) {
        LayerInfo layer = LayerInfo.publishing(resource);
        layer.setXml(layer.xml()
                .withChildText("path", "/")
                .withChildText("enabled", "true")
                .withChild("attribution", XmlElement.of("attribution", List.of(XmlElement.text("logoWidth", "0"), XmlElement.text("logoHeight", "0")))));
        String styleName = defaultStyleName(resource);
        StyleInfo style = styleName == null ? null : catalog.getStyleByName(null, styleName);
        if (style != null) {
            layer.setDefaultStyle(style.getId());
        }
        return layer;
    }

    /** GeoServer's choice: by geometry type for vectors, "raster" for coverages, none for cascaded layers. */
    private static String defaultStyleName(ResourceInfo resource) {
        if (resource instanceof FeatureTypeInfo featureType) {
            XmlElement attributes = featureType.xml().child("attributes");
            if (attributes != null) {
                for (XmlElement attribute : attributes.children("attribute")) {
                    String style = geometryStyle(attribute.childText("binding"));
                    if (style != null) {
                        return style;
                    }
                }
            }
            return "generic";
        }
        return Objects.equals(resource.layerType(), "RASTER") ? "raster" : null;
    }

    private static String geometryStyle(String binding) {
        if (binding == null) {
            return null;
        }
        String simpleName = binding.substring(binding.lastIndexOf('.') + 1);
        return switch (simpleName) {
            case "Point", "MultiPoint" -> "point";
            case "LineString", "MultiLineString", "LinearRing" -> "line";
            case "Polygon", "MultiPolygon" -> "polygon";
            case "Geometry", "GeometryCollection" -> "generic";
            default -> null;
        };
    }
}
