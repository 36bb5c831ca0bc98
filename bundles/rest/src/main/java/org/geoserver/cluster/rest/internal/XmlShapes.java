package org.geoserver.cluster.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * What GeoServer's model knows and an XML tree does not: which elements are collections (written as
 * JSON arrays even with one item), which texts are booleans or numbers, and how element names are
 * spelled in JSON ({@link GeoServerQuirks} 3 to 5). Shared by the JSON converter and the merge of
 * partial updates, so both agree on what a collection is.
 */
final class XmlShapes {

    /** Model properties of type boolean: written as JSON booleans. */
    private static final Set<String> BOOLEANS = Set.of(
            "enabled", "isolated", "advertised", "queryable", "opaque", "__default", "nillable", "verbose", "verboseExceptions",
            "stdOutLogging", "globalServices", "localWorkspaceIncludesPrefix", "useHeadersProxyURL", "showCreatedTimeColumnsInAdminList",
            "showModifiedTimeColumnsInAdminList", "xmlExternalEntitiesEnabled", "disableOnConnFailure", "circularArcPresent",
            "overridingServiceSRS", "skipNumberMatched", "padWithZeros", "forcedDecimal", "serviceConfiguration", "simpleConversionEnabled",
            "encodeMeasures", "citeCompliant", "featureBounding", "canonicalSchemaLocation", "encodeFeatureMember", "hitsIgnoreMaxFeatures",
            "getFeatureInfoMimeTypeCheckingEnabled", "getMapMimeTypeCheckingEnabled", "dynamicStylingDisabled", "featuresReprojectionDisabled",
            "latLon", "gmlPrefixing", "overrideGMLAttributes", "imageIOCache", "jpegAcceleration", "pngAcceleration", "recycling",
            "allowInterpolation", "allowNativeMosaic", "allowNativeWarp", "TMSEnabled", "WMSCEnabled", "cacheLayersByDefault",
            "cacheNonDefaultStyles", "innerCachingEnabled", "persistenceEnabled", "directWMSIntegrationEnabled", "securityEnabled",
            "remoteInputDisabled", "includeWFSRequestDumpFile", "boolean");

    /** Model properties of numeric type: written as JSON numbers when the text is one. */
    private static final Set<String> NUMBERS = Set.of(
            "minx", "maxx", "miny", "maxy", "numDecimals", "maxFeatures", "logoWidth", "logoHeight", "updateSequence", "featureTypeCacheSize",
            "xmlPostRequestLogBufferSize", "minOccurs", "maxOccurs", "length", "width", "height", "min", "max", "corePoolSize", "maxPoolSize",
            "keepAliveTime", "memoryCapacity", "memoryThreshold", "tileThreads", "tilePriority", "concurrencyLevel", "imageIOCacheThreshold",
            "maxRenderingTime", "maxRenderingErrors", "maxRequestMemory", "maxBuffer", "maxRequestedDimensionValues", "gutter", "metaTilingX",
            "metaTilingY", "scaleX", "scaleY", "shearX", "shearY", "translateX", "translateY", "transparency", "connectionTimeout",
            "resourceExpirationTimeout", "maxSynchronousProcesses", "maxAsynchronousProcesses", "maxSynchronousExecutionTime",
            "maxAsynchronousExecutionTime", "maxComplexInputSize", "maxInputMemory", "maxOutputMemory", "maxEntries", "maxEntrySize",
            "hardMemoryLimit", "evictionTime", "int", "long", "double", "float");

    /** Properties whose value is a list of same-named items other than the plural rule covers. */
    private static final Set<String> COLLECTIONS = Set.of(
            "keywords", "dimensions", "publishables", "interpolationMethods", "supportedFormats", "requestSRS", "responseSRS", "dataLinks",
            "versions", "processGroups", "identifiers", "authorityURLs", "jaiExtOperations", "defaultCachingGridSetIds",
            "defaultVectorCacheFormats", "defaultCoverageCacheFormats", "defaultOtherCacheFormats", "srs", "exceptionFormats");

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private XmlShapes() {}

    /**
     * True when the children named {@code child} of {@code parent} form a list (a JSON array even
     * with one item): repeated, or the property is a collection in GeoServer's model. A typed map
     * entry such as {@code <entry><string>k</string><boolean>v</boolean></entry>} mixes names and
     * so is not one.
     */
    static boolean isList(XmlElement parent, String child, int count) {
        if (count > 1) {
            return true;
        }
        if (!homogeneous(parent)) {
            return false;
        }
        String name = parent.name();
        return "entry".equals(child) || name.equals(child + "s") || COLLECTIONS.contains(name);
    }

    /** True when the element holds distinct named properties that a partial update may change one by one. */
    static boolean isStruct(XmlElement element) {
        if (!element.hasChildren()) {
            return false;
        }
        List<XmlElement> children = element.children();
        for (int i = 0; i < children.size(); i++) {
            String name = children.get(i).name();
            if (isList(element, name, 1)) {
                return false;
            }
            for (int j = i + 1; j < children.size(); j++) {
                if (children.get(j).name().equals(name)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean homogeneous(XmlElement parent) {
        String first = null;
        for (XmlElement child : parent.children()) {
            if (first == null) {
                first = child.name();
            } else if (!first.equals(child.name())) {
                return false;
            }
        }
        return true;
    }

    /** The JSON scalar for an element's text: Boolean, a number's literal text (String in a Number wrapper), or the text. */
    static Object jsonValue(String element, String text) {
        if (BOOLEANS.contains(element) && ("true".equals(text) || "false".equals(text))) {
            return Boolean.valueOf(text);
        }
        if (NUMBERS.contains(element) && JSON_NUMBER.matcher(text).matches()) {
            return new NumberLiteral(text);
        }
        return text;
    }

    /** A number kept as written, so that precision and form survive (e.g. -124.73142200000001). */
    record NumberLiteral(String text) {}

    /** Double underscores: {@link GeoServerQuirks} 5. */
    static String jsonName(String xmlName) {
        return xmlName.replace("__", "_");
    }

    static String xmlName(String jsonName) {
        return jsonName.replace("_", "__");
    }
}
