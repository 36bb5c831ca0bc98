package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.BodyTree.list;
import static org.geoserver.cluster.itests.BodyTree.literal;
import static org.geoserver.cluster.itests.BodyTree.of;
import static org.geoserver.cluster.itests.BodyTree.text;
import static org.geoserver.cluster.itests.ConfigurationNames.segment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Seeded REST requests for a property test: valid requests of every resource the API writes
 * (creations, modifications, renames, removals; XML and JSON), the same bodies damaged in every
 * way a careless or hostile client might (unknown elements and attributes, {@code class}
 * attributes, wrong value types, empty, huge, truncated or deeply nested documents, odd names,
 * control characters, duplicated elements), and requests with wrong methods, paths or content
 * types. Nothing here predicts the answer: the test only checks that each answer keeps the
 * cluster's promise. Targets are taken from the names the node's lists show.
 */
final class RestApiRequests {

    /**
     * One request to send.
     *
     * @param kind what it is, for the counts ("valid create datastore", "class attribute on root" ...)
     * @param toPeer true to send it to the second node
     * @param styleFile the API path (no suffix) of a style whose file the request may change, or null
     */
    record Probe(String kind, boolean toPeer, String method, String path, String contentType, byte[] body, String styleFile) {}

    /** A valid write before it is rendered: a tree body (or a raw one, or none) for a method and path. */
    private record Write(String kind, String method, String path, BodyTree tree, String raw, String rawType, String styleFile) {

        static Write tree(String kind, String method, String path, BodyTree tree) {
            return new Write(kind, method, path, tree, null, null, null);
        }

        static Write bodiless(String kind, String method, String path) {
            return new Write(kind, method, path, null, null, null, null);
        }

        Write withStyleFile(String style) {
            return new Write(kind, method, path, tree, raw, rawType, style);
        }
    }

    static final String XML = "application/xml";
    static final String JSON = "application/json";
    static final String SLD = "application/vnd.ogc.sld+xml";
    static final String SE = "application/vnd.ogc.se+xml";

    /** Classes a deserialiser must never be talked into building, and XStream's own reference attributes. */
    private static final List<String> HOSTILE_CLASSES = List.of(
            "java.lang.ProcessBuilder", "java.lang.Runtime", "javax.script.ScriptEngineManager", "java.net.URLClassLoader",
            "com.sun.rowset.JdbcRowSetImpl", "java.util.PriorityQueue", "org.geoserver.cluster.catalog.api.WorkspaceInfo", "linked-hash-set", "");

    /** Names a file system or a URL treats specially, or that GeoServer reserves. */
    private static final List<String> RESERVED_NAMES = List.of(
            "default", ".", "..", "../..", "a/b", "a\\b", "a:b", "with space", " leading", "trailing ", "", "   ", "a%2Fb", "%2e%2e",
            "con", "nul", "a?b", "a#b", "a;b", "a&b", "a\"b", "a<b>", "*", "~", "-", "name.xml", "name.json", "name.sld");

    /** Characters that have no place in a name or, most of them, in XML 1.0. */
    private static final List<String> CONTROL_CHARACTERS = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u001b", "\u007f", "\n", "\r", "\t", "\u0085", "\u2028", "\ufffe", "\uffff");

    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain", "application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "foo/bar",
            "application/json; charset=ISO-8859-1", SLD, "application/zip", "image/png", "text/html", "application/xml;;;", "");

    /** Size of a huge body: above what a configuration object needs by far, small enough for a 2-core, 24 GB machine. */
    private static final int HUGE_BYTES = 5 * 1024 * 1024;
    private static final int DEEP_NESTING = 20_000;

    private final Random random;
    private int counter;

    RestApiRequests(long seed) {
        this.random = new Random(seed);
    }

    /** The next request against a configuration holding {@code names}. */
    Probe next(ConfigurationNames names) {
        boolean toPeer = random.nextInt(5) == 0;
        int dice = random.nextInt(100);
        if (dice < 35) {
            return render(validWrite(names), toPeer, true);
        }
        if (dice < 80) {
            return mutated(names, toPeer);
        }
        if (dice < 92) {
            return wrongRequest(names, toPeer);
        }
        return read(names, toPeer);
    }

    // ------------------------------------------------------------------ helpers

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String fresh(String prefix) {
        return prefix + "_p" + (++counter);
    }

    private static String sld(String name) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
                + "<NamedLayer><Name>" + name + "</Name><UserStyle><Name>" + name + "</Name><FeatureTypeStyle><Rule><PointSymbolizer/></Rule>"
                + "</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>\n";
    }

    private static String se(String name) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StyledLayerDescriptor version=\"1.1.0\" xmlns=\"http://www.opengis.net/sld\" "
                + "xmlns:se=\"http://www.opengis.net/se\"><NamedLayer><se:Name>" + name + "</se:Name><UserStyle><se:Name>" + name
                + "</se:Name><se:FeatureTypeStyle><se:Rule><se:LineSymbolizer/></se:Rule></se:FeatureTypeStyle></UserStyle></NamedLayer>"
                + "</StyledLayerDescriptor>\n";
    }

    private static String ws(String workspace) {
        return "/workspaces/" + segment(workspace);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Renders a write as XML or JSON with one of the content types that name the format. */
    private Probe render(Write write, boolean toPeer, boolean valid) {
        String kind = (valid ? "valid " : "") + write.kind();
        if (write.raw() != null) {
            return new Probe(kind, toPeer, write.method(), write.path(), write.rawType(), utf8(write.raw()), write.styleFile());
        }
        if (write.tree() == null) {
            return new Probe(kind, toPeer, write.method(), write.path(), null, new byte[0], write.styleFile());
        }
        boolean xml = random.nextBoolean();
        String contentType = xml ? pick(List.of(XML, "text/xml", "application/xml; charset=UTF-8")) : pick(List.of(JSON, "text/json", "application/json; charset=UTF-8"));
        return new Probe(kind + (xml ? " (xml)" : " (json)"), toPeer, write.method(), write.path(), contentType,
                utf8(xml ? write.tree().xml() : write.tree().json()), write.styleFile());
    }

    // ------------------------------------------------------------------ valid writes

    /** A valid write with real effect where the configuration allows it; draws again when its target is missing. */
    private Write validWrite(ConfigurationNames names) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Write write = tryValidWrite(names);
            if (write != null) {
                return write;
            }
        }
        return createWorkspace();
    }

    private Write createWorkspace() {
        String name = fresh("ws");
        return Write.tree("create workspace", "POST", "/workspaces" + (random.nextInt(20) == 0 ? "?default=true" : ""),
                of("workspace", text("name", name)));
    }

    private Write tryValidWrite(ConfigurationNames names) {
        String ws = names.anyWorkspace(random);
        if (ws == null || (names.workspaces.size() < 8 && random.nextInt(12) == 0)) {
            return createWorkspace();
        }
        int dice = random.nextInt(100);
        if (dice < 2 && names.workspaces.size() < 10) {
            String prefix = fresh("ns");
            return Write.tree("create namespace", "POST", "/namespaces", of("namespace", text("prefix", prefix), text("uri", "http://example.com/" + prefix)));
        } else if (dice < 4) {
            return Write.tree("modify namespace", "PUT", "/namespaces/" + segment(ws), of("namespace", text("uri", "http://example.com/" + fresh("uri"))));
        } else if (dice < 6) {
            return Write.tree("rename workspace", "PUT", ws(ws), of("workspace", text("name", fresh("ws"))));
        } else if (dice < 8 && names.workspaces.size() > 4) {
            return Write.bodiless("delete workspace", "DELETE", ws(ws) + "?recurse=true");
        } else if (dice < 9) {
            return Write.tree("set default workspace", "PUT", "/workspaces/default", of("workspace", text("name", ws)));
        } else if (dice < 17) {
            return createStore(ws);
        } else if (dice < 23) {
            return modifyStore(names, ws);
        } else if (dice < 25) {
            String collection = pick(List.of("datastores", "coveragestores", "wmsstores", "wmtsstores"));
            List<String> stores = names.in(ws, collection);
            return stores.isEmpty() ? null : Write.bodiless("delete store", "DELETE", ws(ws) + "/" + collection + "/" + segment(pick(stores)) + "?recurse=true");
        } else if (dice < 35) {
            return createResource(names, ws);
        } else if (dice < 43) {
            return modifyResource(names, ws);
        } else if (dice < 45) {
            String collection = pick(List.of("featuretypes", "coverages", "wmslayers"));
            List<String> resources = names.in(ws, collection);
            return resources.isEmpty() ? null : Write.bodiless("delete resource", "DELETE", ws(ws) + "/" + collection + "/" + segment(pick(resources)) + "?recurse=true");
        } else if (dice < 53) {
            return modifyLayer(names, ws);
        } else if (dice < 63) {
            return styleWrite(names, ws);
        } else if (dice < 72) {
            return layerGroupWrite(names, ws);
        } else {
            return settingsWrite(ws);
        }
    }

    private Write createStore(String ws) {
        String name = fresh("store");
        return switch (random.nextInt(4)) {
            case 0 -> Write.tree("create datastore", "POST", ws(ws) + "/datastores", of("dataStore", text("name", name), text("type", "Shapefile"),
                    literal("enabled", true), of("connectionParameters", text("entry", "file:data/" + name + ".shp").attribute("key", "url"),
                            text("entry", "UTF-8").attribute("key", "charset"))));
            case 1 -> Write.tree("create coveragestore", "POST", ws(ws) + "/coveragestores", of("coverageStore", text("name", name),
                    text("type", "GeoTIFF"), literal("enabled", true), text("url", "file:data/" + name + ".tif")));
            case 2 -> Write.tree("create wmsstore", "POST", ws(ws) + "/wmsstores", of("wmsStore", text("name", name),
                    text("capabilitiesURL", "http://example.com/wms?"), literal("enabled", true)));
            default -> Write.tree("create wmtsstore", "POST", ws(ws) + "/wmtsstores", of("wmtsStore", text("name", name),
                    text("capabilitiesURL", "http://example.com/wmts?")));
        };
    }

    private static final List<String[]> STORE_KINDS = List.of(
            new String[] {"datastores", "dataStore"}, new String[] {"coveragestores", "coverageStore"}, new String[] {"wmsstores", "wmsStore"},
            new String[] {"wmtsstores", "wmtsStore"});

    private Write modifyStore(ConfigurationNames names, String ws) {
        String[] kind = pick(STORE_KINDS);
        List<String> stores = names.in(ws, kind[0]);
        if (stores.isEmpty()) {
            return null;
        }
        String path = ws(ws) + "/" + kind[0] + "/" + segment(pick(stores));
        if (random.nextInt(4) == 0) {
            return Write.tree("rename store", "PUT", path, of(kind[1], text("name", fresh("store"))));
        }
        return Write.tree("modify store", "PUT", path, of(kind[1], text("description", "described " + fresh("d")), literal("enabled", random.nextBoolean())));
    }

    private Write createResource(ConfigurationNames names, String ws) {
        String name = fresh("res");
        switch (random.nextInt(3)) {
            case 0 -> {
                List<String> stores = names.in(ws, "datastores");
                if (stores.isEmpty()) {
                    return null;
                }
                BodyTree bbox = of("nativeBoundingBox", literal("minx", -10.5), literal("maxx", 10.5), literal("miny", -5), literal("maxy", 5), text("crs", "EPSG:4326"));
                return Write.tree("create featuretype", "POST", ws(ws) + "/datastores/" + segment(pick(stores)) + "/featuretypes",
                        of("featureType", text("name", name), text("nativeName", name), text("title", "Title " + name), text("srs", "EPSG:4326"), bbox,
                                list("keywords", text("string", "k1"), text("string", "k2")), literal("maxFeatures", 0), literal("numDecimals", 4),
                                of("attributes", of("attribute", text("name", "geom"), literal("minOccurs", 0), literal("maxOccurs", 1), literal("nillable", true),
                                        text("binding", "org.locationtech.jts.geom.Point")))));
            }
            case 1 -> {
                List<String> stores = names.in(ws, "coveragestores");
                return stores.isEmpty() ? null : Write.tree("create coverage", "POST", ws(ws) + "/coveragestores/" + segment(pick(stores)) + "/coverages",
                        of("coverage", text("name", name), text("nativeName", name), text("title", "Coverage " + name), text("srs", "EPSG:4326")));
            }
            default -> {
                List<String> stores = names.in(ws, "wmsstores");
                return stores.isEmpty() ? null : Write.tree("create wmslayer", "POST", ws(ws) + "/wmsstores/" + segment(pick(stores)) + "/wmslayers",
                        of("wmsLayer", text("name", name), text("nativeName", "remote:" + name)));
            }
        }
    }

    private Write modifyResource(ConfigurationNames names, String ws) {
        String[] kind = pick(List.of(new String[] {"featuretypes", "featureType"}, new String[] {"coverages", "coverage"}, new String[] {"wmslayers", "wmsLayer"}));
        List<String> resources = names.in(ws, kind[0]);
        if (resources.isEmpty()) {
            return null;
        }
        String path = ws(ws) + "/" + kind[0] + "/" + segment(pick(resources));
        if (random.nextInt(6) == 0) {
            return Write.tree("rename resource", "PUT", path, of(kind[1], text("name", fresh("res"))));
        }
        return Write.tree("modify resource", "PUT", path, of(kind[1], text("title", "Title " + fresh("t")), text("abstract", "About " + fresh("a")),
                literal("enabled", random.nextInt(4) > 0)));
    }

    private Write modifyLayer(ConfigurationNames names, String ws) {
        List<String> layers = names.in(ws, "layers");
        if (layers.isEmpty()) {
            return null;
        }
        String layer = ws + ":" + pick(layers);
        String path = "/layers/" + segment(layer);
        List<String> styles = new ArrayList<>(names.globalStyles);
        names.in(ws, "styles").forEach(s -> styles.add(ws + ":" + s));
        String style = styles.isEmpty() ? "point" : pick(styles);
        return switch (random.nextInt(5)) {
            case 0 -> Write.tree("add layer style", "POST", "/layers/" + segment(layer) + "/styles" + (random.nextBoolean() ? "?default=true" : ""),
                    of("style", text("name", style)));
            case 1 -> Write.bodiless("delete layer", "DELETE", path + (random.nextBoolean() ? "?recurse=true" : ""));
            default -> Write.tree("modify layer", "PUT", path, of("layer", literal("enabled", random.nextInt(4) > 0), literal("queryable", random.nextBoolean()),
                    of("defaultStyle", text("name", style))));
        };
    }

    private Write styleWrite(ConfigurationNames names, String ws) {
        boolean global = random.nextInt(3) == 0;
        String collection = global ? "/styles" : ws(ws) + "/styles";
        List<String> styles = global ? names.globalStyles : names.in(ws, "styles");
        String existing = styles.isEmpty() ? null : pick(styles);
        // The five default styles stay: layers need them, and their removal is refused anyway.
        boolean mayRemove = existing != null && !List.of("point", "line", "polygon", "raster", "generic").contains(existing);
        int dice = random.nextInt(10);
        if (dice < 3 || existing == null) {
            String name = fresh("style");
            if (random.nextBoolean()) {
                return Write.tree("create style entry", "POST", collection, of("style", text("name", name), text("format", "sld"), text("filename", name + ".sld")));
            }
            boolean se = random.nextInt(3) == 0;
            return new Write("create style from SLD", "POST", collection + "?name=" + segment(name), null, se ? se(name) : sld(name), se ? SE : SLD,
                    collection + "/" + segment(name));
        }
        String item = collection + "/" + segment(existing);
        if (dice < 7) {
            boolean se = random.nextInt(3) == 0;
            String body = se ? se(fresh("body")) : sld(fresh("body"));
            return new Write("upload style file", "PUT", item, null, body, se ? SE : pick(List.of(SLD, "application/xml")), item);
        }
        if (dice < 9 || !mayRemove) {
            return Write.tree("modify style entry", "PUT", item, of("style", text("format", "sld"), of("languageVersion", text("version", "1.0.0"))))
                    .withStyleFile(item);
        }
        return Write.bodiless("delete style", "DELETE", item + "?purge=true" + (random.nextBoolean() ? "&recurse=true" : "")).withStyleFile(item);
    }

    private Write layerGroupWrite(ConfigurationNames names, String ws) {
        boolean global = random.nextInt(3) == 0;
        String collection = global ? "/layergroups" : ws(ws) + "/layergroups";
        List<String> groups = global ? names.globalLayerGroups : names.in(ws, "layergroups");
        int dice = random.nextInt(10);
        if (dice < 4 || groups.isEmpty()) {
            List<String> layers = names.in(ws, "layers");
            if (layers.isEmpty()) {
                return null;
            }
            String layer = ws + ":" + pick(layers);
            String name = fresh("group");
            return Write.tree("create layergroup", "POST", collection, of("layerGroup", text("name", name), text("mode", "SINGLE"), text("title", "Group " + name),
                    list("publishables", of("published", text("name", layer)).attribute("type", "layer")), list("styles", text("style", ""))));
        }
        String item = collection + "/" + segment(pick(groups));
        if (dice < 9) {
            return Write.tree("modify layergroup", "PUT", item, of("layerGroup", text("title", "Group " + fresh("t")), text("abstractTxt", "About " + fresh("a"))));
        }
        return Write.bodiless("delete layergroup", "DELETE", item);
    }

    private Write settingsWrite(String ws) {
        String service = pick(List.of("wms", "wfs", "wcs", "wmts"));
        return switch (random.nextInt(9)) {
            case 0 -> Write.tree("modify settings", "PUT", "/settings", of("global", of("settings", text("charset", "UTF-8"),
                    literal("numDecimals", 1 + random.nextInt(12)), literal("verbose", false))));
            case 1 -> Write.tree("modify contact", "PUT", "/settings/contact", of("contact", text("contactPerson", "Person " + fresh("c")),
                    text("addressCity", "City " + fresh("c")), text("contactEmail", "someone@example.com")));
            case 2 -> Write.tree("create workspace settings", "POST", ws(ws) + "/settings", of("settings", text("charset", "UTF-8"), literal("numDecimals", 5)));
            case 3 -> Write.tree("modify workspace settings", "PUT", ws(ws) + "/settings", of("settings", literal("numDecimals", 1 + random.nextInt(9)),
                    literal("verbose", random.nextBoolean())));
            case 4 -> Write.bodiless("delete workspace settings", "DELETE", ws(ws) + "/settings");
            case 5 -> Write.tree("modify workspace service settings", "PUT", "/services/" + service + ws(ws) + "/settings",
                    of(service, text("title", service + " of " + ws + " " + fresh("t")), literal("enabled", true)));
            case 6 -> Write.bodiless("delete workspace service settings", "DELETE", "/services/" + service + ws(ws) + "/settings");
            case 7 -> Write.tree("modify logging", "PUT", "/logging", of("logging", text("level", pick(List.of("DEFAULT_LOGGING", "PRODUCTION_LOGGING", "QUIET_LOGGING"))),
                    literal("stdOutLogging", random.nextBoolean())));
            default -> Write.tree("modify service settings", "PUT", "/services/" + service + "/settings", of(service, text("title", service + " " + fresh("t")),
                    text("abstrct", "About " + fresh("a")), literal("enabled", true)));
        };
    }

    // ------------------------------------------------------------------ mutated bodies

    /** A valid write with a body, damaged one way. */
    private Probe mutated(ConfigurationNames names, boolean toPeer) {
        Write write = validWrite(names);
        while (write.tree() == null && write.raw() == null) {
            write = validWrite(names);
        }
        if (write.raw() != null) {
            return mutatedStyleFile(write, toPeer);
        }
        BodyTree tree = write.tree().copy();
        boolean xml = random.nextBoolean();
        String format = xml ? " (xml)" : " (json)";
        String contentType = xml ? XML : JSON;
        List<BodyTree> elements = tree.elements();
        BodyTree target = pick(elements);
        BodyTree nested = elements.size() > 1 ? pick(elements.subList(1, elements.size())) : tree;
        String kind;
        String text = null; // set when the mutation works on the text rather than on the tree
        byte[] bytes = null; // set when it works on the bytes
        switch (drawMutation()) {
            case 0 -> {
                kind = "unknown element";
                target.add(text(pick(List.of("noSuchProperty", "foo", "dateCreated", "id", "metadata", "__default", "resource")), "x" + counter));
            }
            case 1 -> {
                kind = "unknown attribute";
                target.attribute(pick(List.of("foo", "xmlns", "type", "key", "reference", "resolves-to")), pick(List.of("bar", "../..", "1", "")));
            }
            case 2 -> {
                kind = "class attribute on root";
                tree.attribute("class", pick(HOSTILE_CLASSES));
            }
            case 3 -> {
                kind = "class attribute nested";
                nested.attribute("class", pick(HOSTILE_CLASSES));
            }
            case 4 -> {
                kind = "wrong value type";
                wrongValueType(tree, xml);
            }
            case 5 -> {
                kind = "empty body";
                text = "";
            }
            case 6 -> {
                kind = "huge body";
                text = huge(tree, xml);
            }
            case 7 -> {
                kind = "unicode name";
                setName(tree, pick(List.of("ünïcödé_名前_" + counter, "😀_emoji_" + counter, "ελληνικά" + counter, "עברית" + counter, "e\u0301accent" + counter,
                        "\u200bzero_width" + counter, "\u202eright_to_left" + counter, "ﬁligature" + counter)));
            }
            case 8 -> {
                kind = "control characters in name";
                setName(tree, "ctl" + pick(CONTROL_CHARACTERS) + counter);
            }
            case 9 -> {
                kind = "control characters in text";
                target.children.clear();
                target.text = "text" + pick(CONTROL_CHARACTERS) + "end";
                target.literal = false;
            }
            case 10 -> {
                kind = "reserved name";
                setName(tree, pick(RESERVED_NAMES));
            }
            case 11 -> {
                kind = "long name";
                String unit = pick(List.of("a", "é", "名", "😀"));
                setName(tree, unit.repeat(300));
            }
            case 12 -> {
                kind = "deep nesting";
                text = deeplyNested(tree, xml);
            }
            case 13 -> {
                kind = "truncated document";
                String whole = xml ? tree.xml() : tree.json();
                text = whole.substring(0, random.nextInt(whole.length()));
            }
            case 14 -> {
                kind = "duplicated element";
                if (xml || random.nextBoolean()) {
                    BodyTree copy = pick(tree.children).copy();
                    copy.text = copy.text == null ? null : copy.text + "_dup";
                    tree.children.add(copy);
                } else {
                    // Two equal keys in one JSON object, which the tree cannot express.
                    String whole = tree.json();
                    int open = whole.indexOf('{', 1) + 1;
                    text = whole.substring(0, open) + "\"name\":\"dup" + counter + "\"," + whole.substring(open);
                }
            }
            case 15 -> {
                kind = "wrong root element";
                tree.name = pick(List.of("workspace", "dataStore", "featureType", "layer", "style", "global", "wms", "html", "xs:schema"));
            }
            case 16 -> {
                kind = "client-chosen id";
                target.add(text("id", pick(List.of("WorkspaceInfoImpl-1", "../../etc", "", "LayerInfoImpl-" + counter))));
            }
            case 17 -> {
                kind = "reference to another parent";
                tree.add(of("workspace", text("name", pick(names.workspaces.isEmpty() ? List.of("nowhere") : names.workspaces))));
                tree.add(of("store", text("name", "nowhere:nothing")).attribute("class", "dataStore"));
            }
            case 18 -> {
                kind = xml ? "xml prolog, doctype or entities" : "json structure";
                text = xml ? xmlPrologs(tree) : jsonStructure(tree);
            }
            case 19 -> {
                kind = "invalid or odd encoding";
                bytes = oddEncoding(xml ? tree.xml() : tree.json(), xml);
            }
            case 20 -> {
                kind = "extreme numbers";
                for (BodyTree element : elements) {
                    if (element.literal && !element.text.equals("true") && !element.text.equals("false")) {
                        element.text = pick(List.of("1e400", "-1e400", "99999999999999999999999999", "-0", "0.0000000000000000000001", "NaN", "Infinity", "1_000"));
                        element.literal = !element.text.equals("NaN") || random.nextBoolean();
                    }
                }
                tree.add(literal("maxFeatures", "2147483648"));
            }
            case 21 -> {
                kind = "many elements";
                text = manyElements(tree, xml);
            }
            default -> {
                kind = "wrong content type for the body";
                contentType = pick(WRONG_CONTENT_TYPES);
                if (contentType.isEmpty()) {
                    contentType = null;
                }
                if (random.nextBoolean()) {
                    contentType = xml ? JSON : XML; // the other format's type
                }
            }
        }
        byte[] body = bytes != null ? bytes : utf8(text != null ? text : xml ? tree.xml() : tree.json());
        return new Probe(kind + format + ": " + write.kind(), toPeer, write.method(), write.path(), contentType, body, write.styleFile());
    }

    /**
     * How often each mutation of {@link #mutated} is drawn, by its case: the huge bodies rarely, as
     * each costs the two nodes seconds; the last weight is the default case's.
     */
    private static final int[] MUTATION_WEIGHTS = {6, 3, 6, 3, 6, 3, 1, 6, 6, 3, 6, 3, 3, 6, 3, 3, 3, 3, 4, 3, 3, 1, 6};

    private int drawMutation() {
        int draw = random.nextInt(IntStream.of(MUTATION_WEIGHTS).sum());
        for (int i = 0; i < MUTATION_WEIGHTS.length; i++) {
            draw -= MUTATION_WEIGHTS[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Sets the name property of the root (prefix for namespaces), adding it when the body has none. */
    private static void setName(BodyTree tree, String name) {
        BodyTree property = tree.child("prefix") != null ? tree.child("prefix") : tree.child("name");
        if (property == null) {
            tree.add(text("name", name));
        } else {
            property.text = name;
            property.literal = false;
        }
    }

    private void wrongValueType(BodyTree tree, boolean xml) {
        List<BodyTree> typed = tree.elements().stream().filter(e -> e.literal).toList();
        int dice = random.nextInt(4);
        if (dice == 0 && !typed.isEmpty()) {
            BodyTree element = pick(typed);
            element.text = pick(List.of("perhaps", "many", "", "1.5.3", "yes", "0x10", "true false"));
            element.literal = false;
        } else if (dice == 1) {
            tree.add(text(pick(List.of("enabled", "isolated", "maxFeatures", "numDecimals", "queryable", "__default", "minx", "opaque")), pick(List.of("perhaps", "many", "-", "{}"))));
        } else if (!xml) {
            // JSON can put an object, an array, a number or null where a name (a string) goes.
            BodyTree property = tree.child("prefix") != null ? tree.child("prefix") : tree.child("name");
            if (property == null) {
                property = text("name", "");
                tree.add(property);
            }
            property.children.clear();
            property.text = pick(List.of("{\"x\":1}", "[\"a\",\"b\"]", "12", "null", "true", "[]", "{}", "[[[]]]"));
            property.literal = true;
        } else {
            // XML: structure where text goes.
            BodyTree property = tree.child("name") != null ? tree.child("name") : tree.children.isEmpty() ? tree : tree.children.get(0);
            property.add(of("inner", text("name", "x")));
        }
    }

    /** A body of about {@link #HUGE_BYTES}: one huge text, or a huge name, of one-byte or two-byte characters. */
    private String huge(BodyTree tree, boolean xml) {
        String filler = random.nextBoolean() ? "x".repeat(HUGE_BYTES) : "ü".repeat(HUGE_BYTES / 2);
        if (random.nextBoolean()) {
            setName(tree, "n" + filler);
        } else {
            tree.add(text(pick(List.of("title", "description", "abstract")), filler));
        }
        return xml ? tree.xml() : tree.json();
    }

    /** {@link #DEEP_NESTING} levels of elements inside the root. */
    private String deeplyNested(BodyTree tree, boolean xml) {
        String whole = xml ? tree.xml() : tree.json();
        String element = pick(List.of("title", "metadata", "entry", "a"));
        StringBuilder nested = new StringBuilder(DEEP_NESTING * 16);
        if (xml) {
            nested.append(("<" + element + ">").repeat(DEEP_NESTING)).append("deep").append(("</" + element + ">").repeat(DEEP_NESTING));
            int end = whole.lastIndexOf("</");
            return end < 0 ? "<" + tree.name + ">" + nested + "</" + tree.name + ">" : whole.substring(0, end) + nested + whole.substring(end);
        }
        nested.append(("{\"" + element + "\":").repeat(DEEP_NESTING)).append("\"deep\"").append("}".repeat(DEEP_NESTING));
        if (random.nextBoolean()) {
            nested = new StringBuilder("\"" + element + "\":" + "[".repeat(DEEP_NESTING) + "]".repeat(DEEP_NESTING));
            return whole.substring(0, whole.length() - 2) + "," + nested + "}}";
        }
        return whole.substring(0, whole.length() - 2) + ",\"" + element + "\":" + nested + "}}";
    }

    /** Hundreds of thousands of unknown elements: a body of a few MB made of many small parts. */
    private String manyElements(BodyTree tree, boolean xml) {
        int count = 200_000;
        String whole = xml ? tree.xml() : tree.json();
        StringBuilder many = new StringBuilder(count * 20);
        if (xml) {
            for (int i = 0; i < count; i++) {
                many.append("<keyword>k").append(i).append("</keyword>");
            }
            int end = whole.lastIndexOf("</");
            return end < 0 ? whole : whole.substring(0, end) + many + whole.substring(end);
        }
        many.append(",\"keyword\":[");
        for (int i = 0; i < count; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append('"');
        }
        return whole.substring(0, whole.length() - 2) + many + "]}}";
    }

    private String xmlPrologs(BodyTree tree) {
        String document = tree.xml();
        return switch (random.nextInt(7)) {
            case 0 -> "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + document.replaceFirst("<name>[^<]*</name>", "<name>&e;</name>");
            case 1 -> "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                    + document.replaceFirst("<name>[^<]*</name>", "<name>&d;</name>");
            case 2 -> "<?xml version=\"1.1\"?>" + document.replaceFirst("<name>([^<]*)</name>", "<name>$1&#1;</name>");
            case 3 -> document.replaceFirst("<name>([^<]*)</name>", "<name><![CDATA[$1]]></name>");
            case 4 -> "<?xml-stylesheet href=\"http://example.com/x.xsl\"?><!-- comment -->" + document;
            case 5 -> document.replaceFirst("^<(\\w+)", "<gs:$1 xmlns:gs=\"http://geoserver.org\"").replaceFirst("</(\\w+)>$", "</gs:$1>");
            default -> document + "<" + tree.name + "/>"; // two roots
        };
    }

    private String jsonStructure(BodyTree tree) {
        String document = tree.json();
        String inner = document.substring(document.indexOf(':') + 1, document.length() - 1);
        return switch (random.nextInt(10)) {
            case 0 -> "[" + document + "]";
            case 1 -> "\"" + tree.name + "\"";
            case 2 -> "null";
            case 3 -> document.substring(0, document.length() - 1) + ",\"other\":{}}";
            case 4 -> "{\"" + tree.name + "\":\"just text\"}";
            case 5 -> "{\"" + tree.name + "\":[" + inner + "," + inner + "]}";
            case 6 -> document + " trailing";
            case 7 -> "/* comment */" + document;
            case 8 -> document.replace("\"", "'");
            default -> "{\"" + tree.name + "\":" + inner.replaceFirst("\\{", "{\"@class\":\"java.lang.ProcessBuilder\",") + "}";
        };
    }

    private byte[] oddEncoding(String document, boolean xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(4)) {
            case 0 -> {
                // A byte sequence that is no UTF-8, inside a name.
                int at = Math.max(0, document.indexOf(xml ? "<name>" : "\"name\":\"") + (xml ? 6 : 8));
                byte[] head = utf8(document.substring(0, at));
                out.write(head, 0, head.length);
                out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, 0, 4);
                byte[] tail = utf8(document.substring(at));
                out.write(tail, 0, tail.length);
            }
            case 1 -> {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, 3); // a byte order mark
                out.writeBytes(utf8(document));
            }
            case 2 -> out.writeBytes(document.getBytes(StandardCharsets.UTF_16)); // declared as UTF-8 by the content type
            default -> out.writeBytes(utf8((xml ? "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" : "") + document.replace("_p", "_é_p")));
        }
        return out.toByteArray();
    }

    /** Style files: damaged SLD documents, or SLD sent where it does not belong. */
    private Probe mutatedStyleFile(Write write, boolean toPeer) {
        String valid = write.raw();
        String kind;
        String body;
        String contentType = write.rawType();
        String path = write.path();
        switch (random.nextInt(9)) {
            case 0 -> {
                kind = "truncated SLD";
                body = valid.substring(0, random.nextInt(valid.length()));
            }
            case 1 -> {
                kind = "SLD with doctype";
                body = "<?xml version=\"1.0\"?><!DOCTYPE StyledLayerDescriptor [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + valid.substring(valid.indexOf("<StyledLayerDescriptor")).replaceFirst("<Name>", "<Name>&e;");
            }
            case 2 -> {
                kind = "not an SLD";
                body = pick(List.of("<html><body>hello</body></html>", "<workspace><name>x</name></workspace>", "{\"style\":{}}", "plain text"));
            }
            case 3 -> {
                kind = "empty SLD";
                body = "";
            }
            case 4 -> {
                kind = "huge SLD";
                body = valid.replace("<Rule>", "<Rule><Title>" + "t".repeat(HUGE_BYTES) + "</Title>");
            }
            case 5 -> {
                kind = "SLD with control characters";
                body = valid.replaceFirst("<Name>", "<Name>" + pick(CONTROL_CHARACTERS));
            }
            case 6 -> {
                kind = "unparsed SLD (raw=true)";
                body = pick(List.of("not xml at all", "<StyledLayerDescriptor>", "\u0000\u0001binary"));
                path = path + (path.contains("?") ? "&" : "?") + "raw=true";
            }
            case 7 -> {
                kind = "SLD deep nesting";
                body = valid.replace("<Rule>", "<Rule>" + "<Title>".repeat(DEEP_NESTING) + "x" + "</Title>".repeat(DEEP_NESTING));
            }
            default -> {
                kind = "SLD with the wrong content type";
                body = valid;
                contentType = pick(List.of(JSON, "text/plain", "application/octet-stream", "image/svg+xml"));
            }
        }
        return new Probe(kind + ": " + write.kind(), toPeer, write.method(), path, contentType, utf8(body), write.styleFile());
    }

    // ------------------------------------------------------------------ wrong requests

    /** Wrong methods, unknown or odd paths, odd query parameters. */
    private Probe wrongRequest(ConfigurationNames names, boolean toPeer) {
        String ws = names.anyWorkspace(random);
        String wsPath = ws == null ? "/workspaces/none" : ws(ws);
        List<String> collections = List.of("/workspaces", "/namespaces", "/styles", "/layers", "/layergroups", wsPath + "/datastores", wsPath + "/coveragestores",
                wsPath + "/wmsstores", wsPath + "/wmtsstores", wsPath + "/featuretypes", wsPath + "/coverages", wsPath + "/styles", wsPath + "/layergroups");
        String collection = pick(collections);
        Supplier<byte[]> someBody = () -> utf8(of("workspace", text("name", fresh("ws"))).json());
        return switch (random.nextInt(10)) {
            case 0 -> new Probe("PUT on a collection", toPeer, "PUT", collection, JSON, someBody.get(), null);
            case 1 -> new Probe("DELETE on a collection", toPeer, "DELETE", collection, null, new byte[0], null);
            case 2 -> new Probe("POST on an item", toPeer, "POST", ws == null ? "/workspaces/none" : wsPath, JSON, someBody.get(), null);
            case 3 -> new Probe("unusual method", toPeer, pick(List.of("PATCH", "OPTIONS", "HEAD", "PROPFIND", "TRACE")), pick(collections) + (random.nextBoolean() ? "/x" : ""),
                    JSON, random.nextBoolean() ? someBody.get() : new byte[0], null);
            case 4 -> new Probe("DELETE of an unknown item", toPeer, "DELETE", collection + "/" + fresh("missing") + (random.nextBoolean() ? "?recurse=true" : ""), null,
                    new byte[0], null);
            case 5 -> new Probe("PUT of an unknown item", toPeer, "PUT", collection + "/" + fresh("missing"), JSON, someBody.get(), null);
            case 6 -> new Probe("unknown path", toPeer, pick(List.of("GET", "POST", "PUT", "DELETE")), pick(List.of("/nosuch", wsPath + "/nosuch", wsPath + "/datastores/x/nosuch/y",
                    "/services/nosuch/settings", "/about/nosuch", "/cluster/nosuch", "/cluster/status", "/rest", "/", "/workspaces/" + "x/".repeat(50))),
                    JSON, someBody.get(), null);
            case 7 -> new Probe("odd path segment", toPeer, pick(List.of("GET", "PUT", "DELETE", "POST")), collection + "/" + pick(List.of("..", ".", "%2e%2e", "a%2Fb",
                    "a%5Cb", "%00", "%01", "x".repeat(3000), "%F0%9F%98%80", "%C3%28", "name.exe", "name.sld", "name.html", "", "/", ";jsessionid=1")),
                    JSON, someBody.get(), null);
            case 8 -> new Probe("odd query", toPeer, pick(List.of("DELETE", "POST", "PUT")), collection + pick(List.of("?recurse=maybe", "?purge=all&recurse=yes", "?name=",
                    "?name=%00", "?default=true&default=false", "?" + "a=b&".repeat(2000), "?raw=true", "?quietOnNotFound=true", "?list=available")),
                    JSON, someBody.get(), null);
            default -> new Probe("POST of a workspace to another collection", toPeer, "POST", collection, XML,
                    utf8(of("workspace", text("name", fresh("ws"))).xml()), null);
        };
    }

    /** Reads, valid and odd: they must answer 2xx or 4xx and change nothing. */
    private Probe read(ConfigurationNames names, boolean toPeer) {
        String ws = names.anyWorkspace(random);
        List<String> paths = new ArrayList<>(List.of("/workspaces", "/namespaces", "/styles", "/layers", "/layergroups", "/settings", "/settings/contact", "/logging",
                "/about/version", "/services/wms/settings", "/services/wfs/settings", "/workspaces/default", "/namespaces/default", "/cluster/applier"));
        if (ws != null) {
            ConfigurationNames.WORKSPACE_COLLECTIONS.forEach(c -> paths.add(ws(ws) + "/" + c));
            for (String collection : ConfigurationNames.WORKSPACE_COLLECTIONS) {
                names.in(ws, collection).stream().limit(3).forEach(n -> paths.add(ws(ws) + "/" + collection + "/" + segment(n)));
            }
            paths.add(ws(ws) + "/settings");
        }
        String path = pick(paths) + pick(List.of(".json", ".xml", ".html", ".sld", "", ".exe"));
        return new Probe("GET", toPeer, "GET", path, null, new byte[0], null);
    }
}
