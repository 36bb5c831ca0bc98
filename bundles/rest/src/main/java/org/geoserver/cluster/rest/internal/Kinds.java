package org.geoserver.cluster.rest.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogInfo;
import org.geoserver.cluster.catalog.api.CoverageInfo;
import org.geoserver.cluster.catalog.api.CoverageStoreInfo;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.StyleFiles;
import org.geoserver.cluster.catalog.api.WMSLayerInfo;
import org.geoserver.cluster.catalog.api.WMSStoreInfo;
import org.geoserver.cluster.catalog.api.WMTSLayerInfo;
import org.geoserver.cluster.catalog.api.WMTSStoreInfo;

/** Every type of catalog object the API serves, and naming and linking of any catalog object through its type. */
final class Kinds {

    final WorkspaceKind workspaces;
    final NamespaceKind namespaces;
    final List<StoreKind<?>> stores;
    final List<ResourceKind<?>> resources;
    final LayerKind layers;
    final LayerGroupKind layerGroups;
    final StyleKind styles;

    private final Map<InfoType, Kind<?>> byType = new EnumMap<>(InfoType.class);

    Kinds(Catalog catalog, Supplier<StyleFiles> styleFiles) {
        workspaces = new WorkspaceKind(catalog);
        namespaces = new NamespaceKind(catalog);
        StoreKind<DataStoreInfo> dataStores = new StoreKind<>(catalog, InfoType.DATASTORE, "datastores", "data store", "featureTypes", "featuretypes");
        StoreKind<CoverageStoreInfo> coverageStores = new StoreKind<>(catalog, InfoType.COVERAGESTORE, "coveragestores", "coverage store", "coverages", "coverages");
        StoreKind<WMSStoreInfo> wmsStores = new StoreKind<>(catalog, InfoType.WMSSTORE, "wmsstores", "WMS store", "wmsLayers", "wmslayers");
        StoreKind<WMTSStoreInfo> wmtsStores = new StoreKind<>(catalog, InfoType.WMTSSTORE, "wmtsstores", "WMTS store", "layers", "layers");
        stores = List.of(dataStores, coverageStores, wmsStores, wmtsStores);
        resources = List.of(
                new ResourceKind<FeatureTypeInfo>(catalog, InfoType.FEATURETYPE, "featuretypes", "featuretypes", "feature type", dataStores),
                new ResourceKind<CoverageInfo>(catalog, InfoType.COVERAGE, "coverages", "coverages", "coverage", coverageStores),
                new ResourceKind<WMSLayerInfo>(catalog, InfoType.WMSLAYER, "wmslayers", "wmslayers", "WMS layer", wmsStores),
                new ResourceKind<WMTSLayerInfo>(catalog, InfoType.WMTSLAYER, "layers", "wmtslayers", "WMTS layer", wmtsStores));
        layers = new LayerKind(catalog);
        layerGroups = new LayerGroupKind(catalog);
        styles = new StyleKind(catalog, styleFiles);
        for (Kind<?> kind : List.of(workspaces, namespaces, layers, layerGroups, styles)) {
            byType.put(kind.type(), kind);
        }
        stores.forEach(kind -> byType.put(kind.type(), kind));
        resources.forEach(kind -> byType.put(kind.type(), kind));
    }

    Kind<?> of(InfoType type) {
        Kind<?> kind = byType.get(type);
        if (kind == null) {
            throw new IllegalArgumentException(type + " is not served as a catalog object");
        }
        return kind;
    }

    String path(CatalogInfo info) {
        return of(info.type()).pathOf(info);
    }

    String qualifiedName(CatalogInfo info) {
        return of(info.type()).qualifiedNameOf(info);
    }

    Map<String, String> links(CatalogInfo info) {
        return of(info.type()).linksOf(info);
    }
}
