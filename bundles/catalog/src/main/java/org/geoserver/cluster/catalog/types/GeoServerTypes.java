package org.geoserver.cluster.catalog.types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * GeoServer's object types as one table, and what follows from it: how an object is presented
 * (older forms upgraded, GeoServer's defaults filled in for absent properties) and which values are
 * refused. Facts are GeoServer's: XStream builds objects without running their constructors, so an
 * absent primitive property reads as false or 0 (not the field's initial value), and the readers
 * and service loaders fill in the rest (a style's format, a group's mode, a service's versions).
 * Properties not in the table (extensions, newer versions) are neither typed nor touched.
 */
public final class GeoServerTypes {

    private static final List<String> MODES = List.of("SINGLE", "OPAQUE_CONTAINER", "NAMED", "CONTAINER", "EO");

    /** Element name to type, in the order of the table. Immutable. */
    private static final Map<String, ObjectType> TYPES = table(
            // ---- catalog
            type("workspace").string("id", "name").boolFalse("isolated").string("dateCreated", "dateModified").map("metadata"),
            type("namespace").string("id", "prefix", "uri").boolFalse("isolated").string("dateCreated", "dateModified").map("metadata"),
            store(type("dataStore")),
            store(type("coverageStore")).string("url"),
            cascaded(store(type("wmsStore"))),
            cascaded(store(type("wmtsStore"))).string("headerName", "headerValue"),
            resource(type("featureType")).string("cqlFilter").integer("maxFeatures").integer("numDecimals")
                    .bool("padWithZeros", "forcedDecimal", "overridingServiceSRS", "skipNumberMatched", "circularArcPresent", "encodeMeasures")
                    .list("attributes", "responseSRS"),
            resource(type("coverage")).string("nativeCoverageName", "nativeFormat", "defaultInterpolationMethod")
                    .list("supportedFormats", "interpolationMethods", "requestSRS", "responseSRS", "dimensions").map("parameters"),
            resource(type("wmsLayer")).string("forcedRemoteStyle", "preferredFormat").decimal("minScale").decimal("maxScale")
                    .bool("metadataBBoxRespected").list("selectedRemoteStyles", "selectedRemoteFormats"),
            resource(type("wmtsLayer")),
            type("layer").string("name", "id").enumeration("type", null, "VECTOR", "RASTER", "REMOTE", "WMS", "WMTS", "GROUP")
                    .string("path").reference("defaultStyle").list("styles").reference("resource").structure("attribution", "attribution")
                    .map("metadata").bool("enabled", "queryable", "opaque", "advertised").list("authorityURLs", "identifiers"),
            type("layerGroup").string("id", "name").enumeration("mode", "SINGLE", MODES.toArray(String[]::new)).bool("queryDisabled")
                    .string("title", "abstractTxt").reference("workspace").string("path").reference("rootLayer", "rootLayerStyle")
                    .list("publishables", "styles", "metadataLinks", "keywords", "authorityURLs", "identifiers", "layerGroupStyles")
                    .map("metadata").structure("attribution", "attribution").bool("enabled", "advertised")
                    .upgrade("pre-2.3 <layers><layer> members become <publishables>, nested groups typed layerGroup", Upgrades::legacyLayers)
                    .upgrade("2.2 title and abstract metadata entries become the title and abstractTxt properties", Upgrades::titleAndAbstractFromMetadata)
                    .onAdd("a group added without styles gets one empty <style/> (the member's default) per member", Upgrades::stylePerMember),
            type("style").string("id", "name").reference("workspace").stringDefault("format", "sld")
                    .structure("languageVersion", "version", XmlElement.of("languageVersion", List.of(XmlElement.text("version", "1.0.0"))))
                    .string("filename").structure("legend", "legend").map("metadata")
                    .upgrade("the deprecated sldVersion gives languageVersion", Upgrades::sldVersionToLanguageVersion),
            type("defaults").reference("defaultWorkspace"),
            // ---- configuration
            type("global").structure("settings", "settings").structure("jai", "jai").structure("coverageAccess", "coverageAccess")
                    .longInteger("updateSequence", 0).integer("featureTypeCacheSize", 0).bool("globalServices").integer("xmlPostRequestLogBufferSize")
                    .bool("xmlExternalEntitiesEnabled").string("lockProviderName").map("metadata")
                    .enumeration("webUIMode", null, "DEFAULT", "REDIRECT", "DO_NOT_REDIRECT").bool("allowStoredQueriesPerWorkspace")
                    .enumeration("resourceErrorHandling", null, "OGC_EXCEPTION_REPORT", "SKIP_MISCONFIGURED_LAYERS").bool("trailingSlashMatch"),
            type("settings").string("id").reference("workspace").structure("contact", "contact", XmlElement.of("contact")).string("charset", "title")
                    .integer("numDecimals", 0).string("onlineResource", "schemaBaseUrl", "proxyBaseUrl").boolFalse("verbose", "verboseExceptions")
                    .map("metadata").boolFalse("localWorkspaceIncludesPrefix")
                    .bool("showCreatedTimeColumnsInAdminList", "showModifiedTimeColumnsInAdminList", "useHeadersProxyURL"),
            type("logging").string("level", "location").boolFalse("stdOutLogging"),
            type("contact").string("id", "address", "addressCity", "addressCountry", "addressDeliveryPoint", "addressPostalCode", "addressState",
                    "addressType", "contactEmail", "contactFacsimile", "contactOrganization", "contactPerson", "contactPosition", "contactVoice",
                    "onlineResource", "addressElectronicMailAddress"),
            type("jai").bool("allowInterpolation", "recycling").integer("tilePriority").integer("tileThreads").decimal("memoryCapacity")
                    .decimal("memoryThreshold").bool("imageIOCache", "pngAcceleration", "jpegAcceleration", "allowNativeMosaic", "allowNativeWarp"),
            type("coverageAccess").integer("maxPoolSize").integer("corePoolSize").integer("keepAliveTime")
                    .enumeration("queueType", null, "UNBOUNDED", "DIRECT").property("imageIOCacheThreshold", ValueType.LONG, null),
            type("version").string("version"),
            type("legend").integer("width").integer("height").string("format", "onlineResource"),
            type("attribution").string("title", "href", "logoURL", "logoType").integer("logoWidth").integer("logoHeight"),
            type("watermark").bool("enabled").enumeration("position", null, "TOP_LEFT", "TOP_CENTER", "TOP_RIGHT", "MID_LEFT", "MID_CENTER",
                    "MID_RIGHT", "BOT_LEFT", "BOT_CENTER", "BOT_RIGHT").integer("transparency").string("URL"),
            // ---- services
            service(type("wms")).list("srs").bool("bboxForEachCRS").structure("watermark", "watermark")
                    .enumeration("interpolation", "Nearest", "Nearest", "Bilinear", "Bicubic")
                    .boolFalse("getFeatureInfoMimeTypeCheckingEnabled", "getMapMimeTypeCheckingEnabled", "dynamicStylingDisabled",
                            "featuresReprojectionDisabled")
                    .integer("maxBuffer", 0).integer("maxRequestMemory", 0).integer("maxRenderingTime", 0).integer("maxRenderingErrors", 0)
                    .string("rootLayerTitle", "rootLayerAbstract").integer("maxRequestedDimensionValues")
                    .integer("remoteStyleMaxRequestTime").integer("remoteStyleTimeout").bool("defaultGroupStyleEnabled")
                    .upgrade("WMS 1.1.1 and 1.3.0 are always offered", Upgrades.versions(List.of(), List.of("1.1.1", "1.3.0"))),
            service(type("wfs")).map("gml").enumeration("serviceLevel", null, "BASIC", "TRANSACTIONAL", "COMPLETE").integer("maxFeatures")
                    .boolFalse("featureBounding", "canonicalSchemaLocation", "encodeFeatureMember", "hitsIgnoreMaxFeatures")
                    .bool("includeWFSRequestDumpFile", "getFeatureOutputTypeCheckingEnabled").integer("maxNumberOfFeaturesForPreview")
                    .list("srs", "getFeatureOutputTypes").bool("allowGlobalQueries", "simpleConversionEnabled"),
            service(type("wcs")).list("srs").boolFalse("gmlPrefixing", "latLon").longInteger("maxInputMemory", 0).longInteger("maxOutputMemory", 0)
                    .bool("subsamplingEnabled").enumeration("overviewPolicy", null, "IGNORE", "NEAREST", "QUALITY", "SPEED")
                    .integer("maxRequestedDimensionValues").integer("defaultDeflateCompressionLevel")
                    .upgrade("WCS offers 1.0.0 and 1.1.1 when it names no version, and always 2.0.1",
                            Upgrades.versions(List.of("1.0.0", "1.1.1"), List.of("2.0.1"))),
            service(type("wmts")));

    private GeoServerTypes() {}

    private static ObjectType.Builder type(String element) {
        return ObjectType.builder(element);
    }

    private static ObjectType.Builder store(ObjectType.Builder store) {
        return store.string("id", "name", "description", "type").bool("enabled").reference("workspace").map("connectionParameters", "metadata")
                .bool("__default", "disableOnConnFailure").string("dateCreated", "dateModified");
    }

    /** WMS and WMTS stores; limits from GeoServer's cascaded store defaults (6 connections, 30 s to connect, 60 s to read). */
    private static ObjectType.Builder cascaded(ObjectType.Builder store) {
        return store.string("capabilitiesURL", "user", "password").integer("maxConnections").integer("readTimeout").integer("connectTimeout")
                .bool("useConnectionPooling").string("authKey")
                .upgrade("2.1 connection limits in metadata, or limits not positive, take the entries or GeoServer's defaults",
                        Upgrades.connectionLimits(6, 30, 60));
    }

    private static ObjectType.Builder resource(ObjectType.Builder resource) {
        return resource.string("id", "name", "nativeName").reference("namespace").string("title", "abstract").list("keywords", "metadataLinks", "dataLinks")
                .string("nativeCRS", "srs").structure("nativeBoundingBox", "boundingBox").structure("latLonBoundingBox", "boundingBox")
                .enumeration("projectionPolicy", null, "FORCE_DECLARED", "REPROJECT_TO_DECLARED", "NONE").bool("enabled", "advertised")
                .map("metadata").reference("store").bool("serviceConfiguration", "simpleConversionEnabled").list("disabledServices")
                .string("dateCreated", "dateModified");
    }

    private static ObjectType.Builder service(ObjectType.Builder service) {
        return service.string("id").bool("enabled").string("name", "title", "maintainer", "abstrct", "accessConstraints", "fees")
                .list("versions", "keywords", "exceptionFormats").structure("metadataLink", "metadataLink").boolFalse("citeCompliant")
                .string("onlineResource", "schemaBaseURL").boolFalse("verbose").map("metadata", "clientProperties").string("outputStrategy")
                .reference("workspace");
    }

    private static Map<String, ObjectType> table(ObjectType.Builder... builders) {
        Map<String, ObjectType> types = new LinkedHashMap<>();
        for (ObjectType.Builder builder : builders) {
            ObjectType type = builder.build();
            types.put(type.element(), type);
        }
        types.put("boundingBox", type("boundingBox").decimal("minx").decimal("maxx").decimal("miny").decimal("maxy").string("crs").build());
        types.put("metadataLink", type("metadataLink").string("type", "about", "metadataType", "content").build());
        return java.util.Collections.unmodifiableMap(types);
    }

    /** Every type described, catalog objects, configuration objects, services and nested structures. */
    public static Collection<ObjectType> all() {
        return TYPES.values();
    }

    /** The type of an element name (a root element or a structure's type name), or null. */
    public static ObjectType of(String element) {
        return TYPES.get(element);
    }

    /**
     * The object as GeoServer presents it after reading it: older forms upgraded, absent
     * properties with a default filled in where GeoServer writes them, nested structures likewise. Idempotent;
     * an element of a type not described is returned as it is.
     */
    public static XmlElement present(XmlElement element, References references) {
        ObjectType type = TYPES.get(element.name());
        return type == null ? element : present(element, type, references);
    }

    /** As {@link #present}, after what GeoServer does to an object it adds (e.g. one style per group member). */
    public static XmlElement presentNew(XmlElement element, References references) {
        ObjectType type = TYPES.get(element.name());
        if (type == null) {
            return element;
        }
        XmlElement result = present(element, type, references);
        for (Upgrade upgrade : type.onAdd()) {
            result = upgrade.apply(result, references);
        }
        return result;
    }

    private static XmlElement present(XmlElement element, ObjectType type, References references) {
        XmlElement result = element;
        for (Upgrade upgrade : type.upgrades()) {
            result = upgrade.apply(result, references);
        }
        for (PropertyType property : type.properties().values()) {
            XmlElement child = result.child(property.name());
            if (child == null) {
                if (property.defaultValue() != null) {
                    result = insert(result, type, property);
                }
            } else if (property.type().kind() == ValueType.Kind.STRUCTURE) {
                ObjectType structure = TYPES.get(property.type().structure());
                if (structure != null) {
                    XmlElement presented = present(child, structure, references);
                    if (presented != child) {
                        result = result.withChild(property.name(), presented);
                    }
                }
            }
        }
        return result;
    }

    /**
     * The element with the property's default where GeoServer writes it: before the first child
     * that the table lists after it (so an object presented from an older file has the order of
     * one written today), else at the end.
     */
    private static XmlElement insert(XmlElement element, ObjectType type, PropertyType property) {
        List<String> order = new ArrayList<>(type.properties().keySet());
        int rank = order.indexOf(property.name());
        List<XmlElement> children = new ArrayList<>(element.children());
        int at = children.size();
        for (int i = 0; i < children.size(); i++) {
            int other = order.indexOf(children.get(i).name());
            if (other > rank) {
                at = i;
                break;
            }
        }
        children.add(at, property.defaultValue());
        return element.withChildren(children);
    }

    /** A value GeoServer would refuse: where, what and what was expected. */
    public record Violation(String object, String property, String value, String expected) {
        public String message() {
            return object + ": property '" + property + "' cannot be '" + value + "': expected " + expected;
        }
    }

    /** The first value of the object (its nested structures included) of the wrong type, if any. */
    public static Optional<Violation> check(XmlElement element) {
        ObjectType type = TYPES.get(element.name());
        if (type == null) {
            return Optional.empty();
        }
        List<Violation> found = new ArrayList<>(1);
        check(element, type, label(element), "", found);
        return found.stream().findFirst();
    }

    private static void check(XmlElement element, ObjectType type, String object, String prefix, List<Violation> found) {
        for (XmlElement child : element.children()) {
            PropertyType property = type.property(child.name());
            if (property == null) {
                continue;
            }
            ValueType valueType = property.type();
            if (!valueType.accepts(child)) {
                String value = child.hasChildren() ? "(elements " + child.children().get(0).name() + "...)" : child.text();
                found.add(new Violation(object, prefix + child.name(), value, valueType.describe()));
                return;
            }
            if (valueType.kind() == ValueType.Kind.STRUCTURE && TYPES.containsKey(valueType.structure())) {
                check(child, TYPES.get(valueType.structure()), object, prefix + child.name() + "/", found);
                if (!found.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** "wms 'WMS'", "layerGroup 'overview'", or the element and its id. */
    private static String label(XmlElement element) {
        String name = element.childText("name");
        if (name == null && "namespace".equals(element.name())) {
            name = element.childText("prefix");
        }
        String id = element.childText("id");
        return element.name() + (name != null ? " '" + name + "'" : id != null ? " " + id : "");
    }
}
