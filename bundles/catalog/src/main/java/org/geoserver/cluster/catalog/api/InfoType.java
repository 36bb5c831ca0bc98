package org.geoserver.cluster.catalog.api;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The kinds of objects the catalog holds, with the XML root element GeoServer uses for each. This
 * is also the allow-list of what may be read from a file or a message: nothing else is ever built.
 */
public enum InfoType {
    WORKSPACE("workspace", WorkspaceInfo.class, "WorkspaceInfoImpl", WorkspaceInfo::new),
    NAMESPACE("namespace", NamespaceInfo.class, "NamespaceInfoImpl", NamespaceInfo::new),
    DATASTORE("dataStore", DataStoreInfo.class, "DataStoreInfoImpl", DataStoreInfo::new),
    COVERAGESTORE("coverageStore", CoverageStoreInfo.class, "CoverageStoreInfoImpl", CoverageStoreInfo::new),
    WMSSTORE("wmsStore", WMSStoreInfo.class, "WMSStoreInfoImpl", WMSStoreInfo::new),
    WMTSSTORE("wmtsStore", WMTSStoreInfo.class, "WMTSStoreInfoImpl", WMTSStoreInfo::new),
    FEATURETYPE("featureType", FeatureTypeInfo.class, "FeatureTypeInfoImpl", FeatureTypeInfo::new),
    COVERAGE("coverage", CoverageInfo.class, "CoverageInfoImpl", CoverageInfo::new),
    WMSLAYER("wmsLayer", WMSLayerInfo.class, "WMSLayerInfoImpl", WMSLayerInfo::new),
    WMTSLAYER("wmtsLayer", WMTSLayerInfo.class, "WMTSLayerInfoImpl", WMTSLayerInfo::new),
    LAYER("layer", LayerInfo.class, "LayerInfoImpl", LayerInfo::new),
    LAYERGROUP("layerGroup", LayerGroupInfo.class, "LayerGroupInfoImpl", LayerGroupInfo::new),
    STYLE("style", StyleInfo.class, "StyleInfoImpl", StyleInfo::new),
    GLOBAL("global", GeoServerInfo.class, "GeoServerInfoImpl", GeoServerInfo::new),
    SETTINGS("settings", SettingsInfo.class, "SettingsInfoImpl", SettingsInfo::new),
    LOGGING("logging", LoggingInfo.class, "LoggingInfoImpl", LoggingInfo::new),
    /** Element name varies: one of {@link #SERVICE_ELEMENTS}. */
    SERVICE("service", ServiceInfo.class, "ServiceInfoImpl", ServiceInfo::new),
    DEFAULTS("defaults", CatalogDefaults.class, "CatalogDefaults", CatalogDefaults::new);

    /** Root elements of the service configurations GeoServer writes. */
    public static final Set<String> SERVICE_ELEMENTS = Set.of("wms", "wfs", "wcs", "wmts", "wps", "csw");

    private final String elementName;
    private final Class<? extends Info> javaClass;
    private final String idPrefix;
    private final Function<XmlElement, Info> factory;

    InfoType(String elementName, Class<? extends Info> javaClass, String idPrefix, Function<XmlElement, Info> factory) {
        this.elementName = elementName;
        this.javaClass = javaClass;
        this.idPrefix = idPrefix;
        this.factory = factory;
    }

    /** The XML root element (for services, "service": see {@link ServiceInfo#getServiceType()}). */
    public String elementName() {
        return elementName;
    }

    public Class<? extends Info> javaClass() {
        return javaClass;
    }

    /** The objects there is exactly one of (global settings, logging, catalog defaults): saved, never added or removed. */
    public boolean isSingleton() {
        return this == GLOBAL || this == LOGGING || this == DEFAULTS;
    }

    public boolean isCatalog() {
        return CatalogInfo.class.isAssignableFrom(javaClass);
    }

    /** Wraps an element of this type. */
    public Info wrap(XmlElement xml) {
        return factory.apply(xml);
    }

    /** A new id in GeoServer's style: {@code <Class>-<unique>}. */
    public String newId(Info info) {
        String prefix = this == SERVICE ? ((ServiceInfo) info).getServiceType().toUpperCase(Locale.ROOT) + "InfoImpl" : idPrefix;
        return prefix + "-" + UUID.randomUUID();
    }

    public static InfoType of(Info info) {
        return ofClass(info.getClass());
    }

    public static InfoType ofClass(Class<?> type) {
        for (InfoType candidate : values()) {
            if (candidate.javaClass == type) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a catalog type: " + type.getName());
    }

    /** The type of a root element, or null when it is not one the catalog knows (and so may not be read). */
    public static InfoType forElement(String element) {
        if (SERVICE_ELEMENTS.contains(element)) {
            return SERVICE;
        }
        for (InfoType candidate : values()) {
            if (candidate != SERVICE && candidate.elementName.equals(element)) {
                return candidate;
            }
        }
        return null;
    }

    /** Reads an element of any allowed type. */
    public static Info wrapAny(XmlElement xml) {
        InfoType type = forElement(xml.name());
        if (type == null) {
            throw new IllegalArgumentException("<" + xml.name() + "> is not a catalog or configuration object");
        }
        return type.wrap(xml);
    }
}
