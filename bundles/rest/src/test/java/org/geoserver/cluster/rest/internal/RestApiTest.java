package org.geoserver.cluster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.rest.internal.RestHarness.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API over HTTP, as GeoServer clients use it. */
class RestApiTest {

    private static final String JSON = "application/json";
    private static final String XML = "application/xml";
    private static final String SLD = "application/vnd.ogc.sld+xml";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RestHarness rest;

    @BeforeEach
    void start() throws Exception {
        rest = new RestHarness().withDefaults();
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    private static JsonNode json(Response response) {
        assertEquals(200, response.status(), response.body());
        try {
            return MAPPER.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private void created(Response response, String location, String name) {
        assertEquals(201, response.status(), response.body());
        assertEquals(rest.base + location, response.header("Location"));
        assertEquals(name, response.body());
        assertTrue(response.header("Content-Type").startsWith("text/plain"));
    }

    private void refused(Response response, int status, String messagePart) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.body().contains(messagePart), response.body());
        assertFalse(response.body().contains("\n"), "one line: " + response.body());
    }

    /** Workspace sf with data store sf and feature type roads (lines), through the API. */
    private void roads() {
        created(rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"sf\"}}"), "/workspaces/sf", "sf");
        created(rest.post("/workspaces/sf/datastores", JSON,
                "{\"dataStore\":{\"name\":\"sf\",\"type\":\"Shapefile\",\"connectionParameters\":{\"entry\":[{\"@key\":\"url\",\"$\":\"file:data/sf\"}]}}}"),
                "/workspaces/sf/datastores/sf", "sf");
        created(rest.post("/workspaces/sf/datastores/sf/featuretypes", JSON, "{\"featureType\":{\"name\":\"roads\",\"title\":\"Roads\",\"srs\":\"EPSG:4326\","
                + "\"nativeBoundingBox\":{\"minx\":-103.9,\"maxx\":-103.6,\"miny\":44.3,\"maxy\":44.5,\"crs\":\"EPSG:4326\"},"
                + "\"attributes\":{\"attribute\":[{\"name\":\"the_geom\",\"binding\":\"org.locationtech.jts.geom.MultiLineString\"},{\"name\":\"cat\",\"binding\":\"java.lang.Long\"}]}}}"),
                "/workspaces/sf/datastores/sf/featuretypes/roads", "roads");
    }

    // ---------------------------------------------------------------- workspaces

    @Test
    void workspacesEmptyOneAndManyInGeoServersListShapes() throws Exception {
        assertEquals("", json(rest.get("/workspaces.json")).get("workspaces").asText());
        assertEquals("<workspaces/>", rest.get("/workspaces.xml").body().trim());
        created(rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"a\"}}"), "/workspaces/a", "a");
        JsonNode one = json(rest.get("/workspaces.json")).at("/workspaces/workspace");
        assertTrue(one.isArray());
        assertEquals("a", one.get(0).get("name").asText());
        assertEquals(rest.base + "/workspaces/a.json", one.get(0).get("href").asText());
        String xml = rest.get("/workspaces.xml").body();
        assertTrue(xml.contains("<workspace>\n    <name>a</name>\n    <atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"alternate\" href=\""
                + rest.base + "/workspaces/a.xml\" type=\"application/xml\"/>"), xml);
    }

    @Test
    void workspaceCreateReadUpdateDeleteInJsonAndXml() throws Exception {
        created(rest.post("/workspaces", XML, "<workspace><name>topp</name></workspace>"), "/workspaces/topp", "topp");
        JsonNode workspace = json(rest.get("/workspaces/topp.json")).get("workspace");
        assertEquals("topp", workspace.get("name").asText());
        assertFalse(workspace.has("id"), "ids are not shown");
        assertEquals(rest.base + "/workspaces/topp/datastores.json", workspace.get("dataStores").asText());
        assertNotNull(workspace.get("dateCreated"));
        String xml = rest.get("/workspaces/topp.xml").body();
        assertTrue(xml.startsWith("<workspace>\n  <name>topp</name>"), xml);
        assertTrue(xml.contains("<coverageStores>\n    <atom:link"), xml);
        assertEquals("http://topp", rest.catalog.getNamespaceByPrefix("topp").getURI(), "the namespace comes with the workspace");

        assertEquals(200, rest.put("/workspaces/topp", JSON, "{\"workspace\":{\"name\":\"topp2\",\"isolated\":true}}").status());
        assertNull(rest.catalog.getWorkspaceByName("topp"));
        assertTrue(rest.catalog.getWorkspaceByName("topp2").isIsolated());
        assertNotNull(rest.catalog.getNamespaceByPrefix("topp2"), "renamed with its namespace");
        assertTrue(json(rest.get("/workspaces/topp2")).at("/workspace/isolated").isBoolean());

        assertEquals(200, rest.delete("/workspaces/topp2").status());
        assertEquals(404, rest.get("/workspaces/topp2.json").status());
        assertNull(rest.catalog.getNamespaceByPrefix("topp2"));
    }

    @Test
    void workspaceErrors() {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"sf\"}}");
        refused(rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"sf\"}}"), 409, "'sf' already exists");
        refused(rest.get("/workspaces/nope.json"), 404, "No such workspace: 'nope'");
        refused(rest.get("/workspaces/nope?quietOnNotFound=true"), 404, "nope");
        refused(rest.put("/workspaces", JSON, "{\"workspace\":{\"name\":\"x\"}}"), 405, "PUT");
        refused(rest.delete("/workspaces"), 405, "DELETE");
        refused(rest.post("/workspaces/sf", JSON, "{\"workspace\":{\"name\":\"x\"}}"), 405, "POST");
        refused(rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":"), 400, "malformed JSON");
        refused(rest.post("/workspaces", XML, "<workspace><name>x</name>"), 400, "malformed XML");
        refused(rest.post("/workspaces", JSON, "{\"workspace\":{\"isolated\":true}}"), 400, "has no <name>");
        refused(rest.post("/workspaces", JSON, "{\"dataStore\":{\"name\":\"x\"}}"), 400, "expected a <workspace>");
        refused(rest.post("/workspaces", JSON, ""), 400, "no body");
        refused(rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"a b\"}}"), 400, "must not contain spaces");
        refused(rest.get("/nothing/here"), 404, "No such resource");
        assertEquals(List.of("sf"), rest.catalog.list(WorkspaceInfo.class).stream().map(WorkspaceInfo::getName).toList(), "failed requests changed nothing");
    }

    @Test
    void defaultWorkspace() throws Exception {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"a\"}}");
        created(rest.post("/workspaces?default=true", JSON, "{\"workspace\":{\"name\":\"b\"}}"), "/workspaces/b", "b");
        assertEquals("b", json(rest.get("/workspaces/default.json")).at("/workspace/name").asText());
        assertEquals(200, rest.put("/workspaces/default", XML, "<workspace><name>a</name></workspace>").status());
        assertEquals("a", rest.catalog.getDefaultWorkspace().getName());
        assertEquals("a", json(rest.get("/namespaces/default")).at("/namespace/prefix").asText());
        assertEquals(200, rest.put("/namespaces/default", JSON, "{\"namespace\":{\"prefix\":\"b\"}}").status());
        assertEquals("b", rest.catalog.getDefaultWorkspace().getName());
        refused(rest.put("/workspaces/default", JSON, "{\"workspace\":{\"name\":\"zz\"}}"), 404, "'zz'");
        refused(rest.delete("/workspaces/default"), 405, "DELETE");
    }

    @Test
    void namesWithDotsNeedAnExplicitSuffixOnlyWhenTheyEndInAFormat() throws Exception {
        created(rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"it.geosolutions\"}}"), "/workspaces/it.geosolutions", "it.geosolutions");
        assertEquals("it.geosolutions", json(rest.get("/workspaces/it.geosolutions.json")).at("/workspace/name").asText());
        assertEquals("it.geosolutions", json(rest.get("/workspaces/it.geosolutions")).at("/workspace/name").asText());
        assertTrue(rest.get("/workspaces/it.geosolutions.xml").body().contains("<name>it.geosolutions</name>"));
        created(rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"a.json\"}}"), "/workspaces/a.json", "a.json");
        assertEquals("a.json", json(rest.get("/workspaces/a.json.json")).at("/workspace/name").asText());
    }

    @Test
    void formatFromSuffixThenAcceptThenJson() {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"a\"}}");
        assertTrue(rest.get("/workspaces/a").body().startsWith("{\"workspace\""));
        assertTrue(rest.get("/workspaces/a", "*/*").body().startsWith("{\"workspace\""));
        assertTrue(rest.get("/workspaces/a", "text/xml").body().startsWith("<workspace>"));
        assertTrue(rest.get("/workspaces/a.json", "application/xml").body().startsWith("{"), "the suffix wins");
        Response html = rest.get("/workspaces/a.html");
        assertTrue(html.header("Content-Type").startsWith("text/html") && html.body().contains("&lt;name&gt;a&lt;/name&gt;"), html.body());
        assertTrue(rest.get("/workspaces/a", "application/json").header("Content-Type").startsWith("application/json"));
    }

    // ---------------------------------------------------------------- namespaces

    @Test
    void namespacesAreKeptOneToOneWithWorkspaces() throws Exception {
        assertEquals("", json(rest.get("/namespaces.json")).get("namespaces").asText());
        created(rest.post("/namespaces", JSON, "{\"namespace\":{\"prefix\":\"my\",\"uri\":\"http://www.example.com\"}}"), "/namespaces/my", "my");
        assertNotNull(rest.catalog.getWorkspaceByName("my"), "the workspace comes with the namespace");
        JsonNode list = json(rest.get("/namespaces.json")).at("/namespaces/namespace");
        assertEquals("my", list.get(0).get("name").asText());
        JsonNode namespace = json(rest.get("/namespaces/my.json")).get("namespace");
        assertEquals("my", namespace.get("prefix").asText());
        assertEquals("http://www.example.com", namespace.get("uri").asText());
        assertEquals(200, rest.put("/namespaces/my", XML, "<namespace><uri>http://other</uri></namespace>").status());
        assertEquals("http://other", rest.catalog.getNamespaceByPrefix("my").getURI());
        refused(rest.post("/namespaces", JSON, "{\"namespace\":{\"prefix\":\"default\",\"uri\":\"http://d\"}}"), 400, "'default' is reserved");
        assertNull(rest.catalog.getNamespaceByPrefix("default"), "the namespace was taken back when its workspace was refused");
        refused(rest.post("/namespaces", JSON, "{\"namespace\":{\"prefix\":\"b\",\"uri\":\"http://other\"}}"), 409, "http://other");
        assertEquals(200, rest.delete("/namespaces/my").status());
        assertNull(rest.catalog.getWorkspaceByName("my"));
        assertEquals("", json(rest.get("/namespaces.json")).get("namespaces").asText());
    }

    // ---------------------------------------------------------------- stores

    @Test
    void dataStoreInGeoServersShapeWithPartialUpdate() throws Exception {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"sf\"}}");
        created(rest.post("/workspaces/sf/datastores", JSON, "{\"dataStore\":{\"name\":\"pg\",\"type\":\"PostGIS\",\"enabled\":true,"
                + "\"workspace\":{\"name\":\"sf\"},\"connectionParameters\":{\"entry\":[{\"@key\":\"host\",\"$\":\"db\"},{\"@key\":\"port\",\"$\":5432}]}}}"),
                "/workspaces/sf/datastores/pg", "pg");
        JsonNode store = json(rest.get("/workspaces/sf/datastores/pg.json")).get("dataStore");
        assertEquals("PostGIS", store.get("type").asText());
        assertTrue(store.get("enabled").asBoolean());
        assertEquals("sf", store.at("/workspace/name").asText());
        assertEquals(rest.base + "/workspaces/sf.json", store.at("/workspace/href").asText());
        assertEquals("5432", store.at("/connectionParameters/entry/1/$").asText());
        assertEquals(rest.base + "/workspaces/sf/datastores/pg/featuretypes.json", store.get("featureTypes").asText());

        assertEquals(200, rest.put("/workspaces/sf/datastores/pg.json", JSON, "{\"dataStore\":{\"description\":\"main db\",\"_default\":true}}").status());
        DataStoreInfo stored = rest.catalog.getStoreByName("sf", "pg", DataStoreInfo.class);
        assertEquals("main db", stored.getDescription());
        assertTrue(stored.isDefault());
        assertEquals("db", stored.getConnectionParameters().get("host"), "untouched by the partial update");
        assertTrue(rest.get("/workspaces/sf/datastores/pg.xml").body().contains("<__default>true</__default>"));
        assertTrue(json(rest.get("/workspaces/sf/datastores/pg.json")).at("/dataStore/_default").asBoolean());

        created(rest.post("/workspaces/sf/datastores", JSON, "{\"dataStore\":{\"name\":\"plain\",\"connectionParameters\":{\"host\":\"h\",\"port\":\"1\"}}}"),
                "/workspaces/sf/datastores/plain", "plain");
        assertEquals("h", rest.catalog.getStoreByName("sf", "plain", DataStoreInfo.class).getConnectionParameters().get("host"));
        assertEquals(2, json(rest.get("/workspaces/sf/datastores.json")).at("/dataStores/dataStore").size());

        refused(rest.get("/workspaces/nope/datastores"), 404, "No such workspace: 'nope'");
        refused(rest.post("/workspaces/nope/datastores", JSON, "{\"dataStore\":{\"name\":\"x\"}}"), 404, "No such workspace: 'nope'");
        refused(rest.get("/workspaces/sf/datastores/nope.json"), 404, "No such data store: 'nope' in workspace 'sf'");
        refused(rest.post("/workspaces/sf/datastores", JSON, "{\"dataStore\":{\"name\":\"pg\"}}"), 409, "already exists");
        assertEquals(200, rest.delete("/workspaces/sf/datastores/plain").status());
        assertNull(rest.catalog.getStoreByName("sf", "plain", DataStoreInfo.class));
    }

    @ParameterizedTest
    @CsvSource({
        "coveragestores, coverageStore, coverageStores, coverages",
        "wmsstores, wmsStore, wmsStores, wmsLayers",
        "wmtsstores, wmtsStore, wmtsStores, layers"})
    void otherStoresWorkTheSameWay(String segment, String element, String list, String resourcesLink) throws Exception {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"ws\"}}");
        assertEquals("", json(rest.get("/workspaces/ws/" + segment + ".json")).get(list).asText());
        created(rest.post("/workspaces/ws/" + segment, XML, "<" + element + "><name>s</name><type>T</type><enabled>true</enabled></" + element + ">"),
                "/workspaces/ws/" + segment + "/s", "s");
        JsonNode store = json(rest.get("/workspaces/ws/" + segment + "/s.json")).get(element);
        assertEquals("T", store.get("type").asText());
        assertEquals(rest.base + "/workspaces/ws/" + segment + "/s/" + resourcesLink.toLowerCase() + ".json", store.get(resourcesLink).asText());
        assertEquals(1, json(rest.get("/workspaces/ws/" + segment)).at("/" + list + "/" + element).size());
        assertEquals(200, rest.put("/workspaces/ws/" + segment + "/s", XML, "<" + element + "><enabled>false</enabled></" + element + ">").status());
        assertFalse(json(rest.get("/workspaces/ws/" + segment + "/s.json")).at("/" + element + "/enabled").asBoolean());
        assertEquals(200, rest.delete("/workspaces/ws/" + segment + "/s").status());
        assertEquals(404, rest.get("/workspaces/ws/" + segment + "/s.json").status());
    }

    // ---------------------------------------------------------------- resources and layers

    @Test
    void featureTypePublishesALayerWithAGeometryStyle() throws Exception {
        roads();
        JsonNode featureType = json(rest.get("/workspaces/sf/datastores/sf/featuretypes/roads.json")).get("featureType");
        assertEquals("roads", featureType.get("nativeName").asText());
        assertEquals("sf", featureType.at("/namespace/name").asText());
        assertEquals(rest.base + "/namespaces/sf.json", featureType.at("/namespace/href").asText());
        assertEquals("dataStore", featureType.at("/store/@class").asText());
        assertEquals("sf:sf", featureType.at("/store/name").asText());
        assertEquals(rest.base + "/workspaces/sf/datastores/sf.json", featureType.at("/store/href").asText());
        assertEquals(-103.9, featureType.at("/latLonBoundingBox/minx").asDouble(), "lat/lon bounds from WGS84 native bounds");
        assertTrue(featureType.at("/attributes/attribute").isArray());
        assertEquals("roads", json(rest.get("/workspaces/sf/featuretypes/roads.json")).at("/featureType/name").asText(), "also under the workspace");

        JsonNode layer = json(rest.get("/layers/sf:roads.json")).get("layer");
        assertEquals("roads", layer.get("name").asText());
        assertEquals("VECTOR", layer.get("type").asText());
        assertEquals("line", layer.at("/defaultStyle/name").asText());
        assertEquals(rest.base + "/styles/line.json", layer.at("/defaultStyle/href").asText());
        assertEquals("featureType", layer.at("/resource/@class").asText());
        assertEquals("sf:roads", layer.at("/resource/name").asText());
        assertEquals(rest.base + "/workspaces/sf/datastores/sf/featuretypes/roads.json", layer.at("/resource/href").asText());
        assertEquals(0, layer.at("/attribution/logoWidth").asInt());
        assertTrue(layer.get("enabled").isBoolean());
        assertEquals("roads", json(rest.get("/workspaces/sf/layers/roads.json")).at("/layer/name").asText());
        assertEquals("sf:roads", json(rest.get("/layers.json")).at("/layers/layer/0/name").asText());
        assertEquals(rest.base + "/layers/sf:roads.json", json(rest.get("/layers.json")).at("/layers/layer/0/href").asText());
        assertEquals("roads", json(rest.get("/workspaces/sf/layers.json")).at("/layers/layer/0/name").asText());
        assertEquals("", json(rest.get("/workspaces/sf/datastores/sf/featuretypes.json?list=available")).get("list").asText());
    }

    @Test
    void featureTypeUpdateAndDeleteRules() throws Exception {
        roads();
        assertEquals(200, rest.put("/workspaces/sf/datastores/sf/featuretypes/roads", XML,
                "<featureType><title>Main roads</title><keywords><string>a</string></keywords></featureType>").status());
        FeatureTypeInfo stored = rest.catalog.getResourceByName("sf", "roads", FeatureTypeInfo.class);
        assertEquals("Main roads", stored.getTitle());
        assertEquals(List.of("a"), stored.getKeywords());
        assertEquals("EPSG:4326", stored.getSRS(), "untouched");
        assertEquals(List.of("a"), List.of(json(rest.get("/workspaces/sf/featuretypes/roads.json")).at("/featureType/keywords/string/0").asText()));

        refused(rest.put("/workspaces/sf/datastores/sf/featuretypes/roads", JSON, "{\"featureType\":{\"store\":{\"name\":\"sf:nope\"}}}"), 404, "No such data store: 'sf:nope'");
        refused(rest.delete("/workspaces/sf/datastores/sf/featuretypes/roads"), 403, "published by layer 'roads'");
        refused(rest.delete("/workspaces/sf/datastores/sf"), 403, "recursively");
        refused(rest.delete("/workspaces/sf"), 403, "not empty");
        assertEquals(200, rest.delete("/workspaces/sf/datastores/sf/featuretypes/roads?recurse=true").status());
        assertNull(rest.catalog.getLayerByName("sf:roads"));
        assertEquals(200, rest.delete("/workspaces/sf?recurse=true").status());
        assertNull(rest.catalog.getWorkspaceByName("sf"));
    }

    @Test
    void featureTypeInTheWorkspaceGoesToItsDefaultStore() throws Exception {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"ws\"}}");
        refused(rest.post("/workspaces/ws/featuretypes", JSON, "{\"featureType\":{\"name\":\"t\"}}"), 404, "has no default data store");
        rest.post("/workspaces/ws/datastores", JSON, "{\"dataStore\":{\"name\":\"d\",\"_default\":true}}");
        created(rest.post("/workspaces/ws/featuretypes", JSON, "{\"featureType\":{\"name\":\"t\",\"nativeName\":\"t\",\"title\":\"T\",\"srs\":\"EPSG:4326\"}}"),
                "/workspaces/ws/featuretypes/t", "t");
        assertEquals("ws:d", json(rest.get("/workspaces/ws/datastores/d/featuretypes/t.json")).at("/featureType/store/name").asText());
        assertEquals("generic", json(rest.get("/layers/ws:t")).at("/layer/defaultStyle/name").asText(), "no geometry attribute: generic");
    }

    @Test
    void coverageAndCascadedLayers() throws Exception {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"ws\"}}");
        rest.post("/workspaces/ws/coveragestores", JSON, "{\"coverageStore\":{\"name\":\"dem\",\"type\":\"GeoTIFF\",\"url\":\"file:data/dem.tif\"}}");
        created(rest.post("/workspaces/ws/coveragestores/dem/coverages", JSON, "{\"coverage\":{\"name\":\"dem\",\"srs\":\"EPSG:4326\"}}"),
                "/workspaces/ws/coveragestores/dem/coverages/dem", "dem");
        JsonNode layer = json(rest.get("/layers/ws:dem.json")).get("layer");
        assertEquals("RASTER", layer.get("type").asText());
        assertEquals("raster", layer.at("/defaultStyle/name").asText());
        assertEquals("coverage", layer.at("/resource/@class").asText());
        assertEquals("coverageStore", json(rest.get("/workspaces/ws/coverages/dem.json")).at("/coverage/store/@class").asText());
        assertEquals(200, rest.put("/workspaces/ws/coveragestores/dem/coverages/dem.json", JSON,
                "{\"coverage\":{\"metadata\":{\"entry\":[{\"@key\":\"time\",\"dimensionInfo\":{\"enabled\":true}}]}}}").status());
        assertTrue(json(rest.get("/workspaces/ws/coverages/dem.json")).at("/coverage/metadata/entry/0/dimensionInfo/enabled").asBoolean());

        rest.post("/workspaces/ws/wmsstores", JSON, "{\"wmsStore\":{\"name\":\"remote\",\"type\":\"WMS\",\"capabilitiesURL\":\"http://example.com/wms?\"}}");
        created(rest.post("/workspaces/ws/wmsstores/remote/wmslayers", JSON, "{\"wmsLayer\":{\"name\":\"states\",\"nativeName\":\"topp:states\"}}"),
                "/workspaces/ws/wmsstores/remote/wmslayers/states", "states");
        assertEquals("WMS", json(rest.get("/layers/ws:states")).at("/layer/type").asText());
        assertEquals("states", json(rest.get("/workspaces/ws/wmslayers.json")).at("/wmsLayers/wmsLayer/0/name").asText());
        refused(rest.get("/workspaces/ws/wmsstores/nope/wmslayers"), 404, "No such WMS store: 'nope'");
    }

    @Test
    void layerUpdateStylesAndDelete() throws Exception {
        roads();
        refused(rest.post("/layers", JSON, "{\"layer\":{\"name\":\"x\"}}"), 405, "POST");
        assertEquals(200, rest.put("/layers/sf:roads", JSON, "{\"layer\":{\"defaultStyle\":{\"name\":\"point\"},\"styles\":{\"style\":[{\"name\":\"polygon\"}]},"
                + "\"attribution\":{\"title\":\"OSM\"}}}").status());
        LayerInfo layer = rest.catalog.getLayerByName("sf:roads");
        assertEquals(rest.catalog.getStyleByName(null, "point").getId(), layer.getDefaultStyle());
        assertEquals(List.of(rest.catalog.getStyleByName(null, "polygon").getId()), layer.getStyles());
        JsonNode json = json(rest.get("/layers/sf:roads.json")).get("layer");
        assertEquals("OSM", json.at("/attribution/title").asText());
        assertEquals(0, json.at("/attribution/logoWidth").asInt(), "nested objects merge property by property");
        assertEquals("polygon", json.at("/styles/style/0/name").asText(), "one style is still a list");

        // A client puts back what it got, with hrefs and all.
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("attribution")).put("href", "http://osm.org");
        String roundTrip = "{\"layer\":" + json + "}";
        assertEquals(200, rest.put("/layers/sf:roads.json", JSON, roundTrip).status());
        assertEquals("http://osm.org", json(rest.get("/workspaces/sf/layers/roads")).at("/layer/attribution/href").asText());

        created(rest.post("/layers/sf:roads/styles", JSON, "{\"style\":{\"name\":\"generic\"}}"), "/styles/generic", "generic");
        assertEquals(2, json(rest.get("/layers/sf:roads/styles.json")).at("/styles/style").size());
        created(rest.post("/layers/sf:roads/styles?default=true", JSON, "{\"style\":{\"name\":\"line\"}}"), "/styles/line", "line");
        assertEquals("line", json(rest.get("/layers/sf:roads.json")).at("/layer/defaultStyle/name").asText());
        refused(rest.post("/layers/sf:roads/styles", JSON, "{\"style\":{\"name\":\"nope\"}}"), 404, "No such style: 'nope'");
        refused(rest.get("/layers/sf:nope/styles"), 404, "No such layer");

        refused(rest.put("/layers/sf:roads", JSON, "{\"layer\":{\"defaultStyle\":{\"name\":\"nope\"}}}"), 404, "No such style: 'nope'");
        assertEquals(200, rest.delete("/layers/sf:roads").status());
        assertNull(rest.catalog.getLayerByName("sf:roads"));
        assertNotNull(rest.catalog.getResourceByName("sf", "roads", FeatureTypeInfo.class), "without recurse the resource stays");
    }

    @Test
    void layerDeleteWithRecurseTakesTheResource() {
        roads();
        assertEquals(200, rest.delete("/workspaces/sf/layers/roads?recurse=true").status());
        assertNull(rest.catalog.getResourceByName("sf", "roads", FeatureTypeInfo.class));
    }

    // ---------------------------------------------------------------- layer groups

    @Test
    void layerGroupsInTheClientsShapeAndTheLegacyOne() throws Exception {
        roads();
        String group = "{\"layerGroup\":{\"name\":\"g\",\"workspace\":{\"name\":\"sf\"},\"mode\":\"SINGLE\","
                + "\"publishables\":{\"published\":[{\"@type\":\"layer\",\"name\":\"sf:roads\",\"href\":\"http://x/layers/roads.json\"}]},"
                + "\"styles\":{\"style\":[\"\"]}}}";
        created(rest.post("/workspaces/sf/layergroups", JSON, group), "/workspaces/sf/layergroups/g", "g");
        JsonNode stored = json(rest.get("/workspaces/sf/layergroups/g.json")).get("layerGroup");
        assertEquals("sf:roads", stored.at("/publishables/published/0/name").asText());
        assertEquals("layer", stored.at("/publishables/published/0/@type").asText());
        assertEquals(rest.base + "/layers/sf:roads.json", stored.at("/publishables/published/0/href").asText());
        assertEquals("", stored.at("/styles/style/0").asText(), "an empty style: the layer's default");
        assertEquals(-103.9, stored.at("/bounds/minx").asDouble(), "bounds computed from the layers");
        assertEquals("sf", stored.at("/workspace/name").asText());
        assertEquals("", json(rest.get("/layergroups.json")).get("layerGroups").asText(), "not global");

        created(rest.post("/layergroups", XML, "<layerGroup><name>legacy</name><layers><layer>sf:roads</layer></layers><styles><style>line</style></styles></layerGroup>"),
                "/layergroups/legacy", "legacy");
        LayerGroupInfo legacy = rest.catalog.getLayerGroupByName(null, "legacy");
        assertEquals(List.of(LayerGroupInfo.Published.layer(rest.catalog.getLayerByName("sf:roads").getId())), legacy.getPublishables());
        assertEquals(List.of(rest.catalog.getStyleByName(null, "line").getId()), legacy.getStyles());
        assertTrue(rest.get("/layergroups/legacy.xml").body().contains("<published type=\"layer\">\n      <name>sf:roads</name>"));

        created(rest.post("/layergroups", JSON, "{\"layerGroup\":{\"name\":\"nested\",\"publishables\":{\"published\":{\"@type\":\"layerGroup\",\"name\":\"legacy\"}}}}"),
                "/layergroups/nested", "nested");
        assertEquals(200, rest.put("/workspaces/sf/layergroups/g.json", JSON, "{\"layerGroup\":{\"title\":\"Group\"}}").status());
        assertEquals("Group", rest.catalog.getLayerGroupByName("sf", "g").getTitle());
        refused(rest.put("/workspaces/sf/layergroups/g.json", JSON, "{\"layerGroup\":{\"workspace\":\"\"}}"), 403, "cannot move layer group 'g'");
        refused(rest.post("/layergroups", JSON, "{\"layerGroup\":{\"name\":\"bad\",\"publishables\":{\"published\":[{\"@type\":\"layer\",\"name\":\"sf:nope\"}]}}}"),
                404, "No such layer: 'sf:nope'");
        refused(rest.delete("/layergroups/legacy"), 403, "nested");
        assertEquals(200, rest.delete("/layergroups/legacy?recurse=true").status());
        assertEquals(200, rest.delete("/workspaces/sf/layergroups/g").status());
        assertNull(rest.catalog.getLayerGroupByName("sf", "g"));
    }

    // ---------------------------------------------------------------- styles

    @Test
    void aFreshServerHasFiveStyles() throws Exception {
        JsonNode styles = json(rest.get("/styles.json")).at("/styles/style");
        assertEquals(5, styles.size());
        assertEquals(rest.base + "/styles/point.json", styles.get(0).get("href").asText());
    }

    @Test
    void styleFromSldInOneStepThenDownload() throws Exception {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"ws\"}}");
        String sld = RestHarness.sld("Blue lakes");
        created(rest.post("/workspaces/ws/styles?name=lakes", SLD, sld), "/workspaces/ws/styles/lakes", "lakes");
        JsonNode info = json(rest.get("/workspaces/ws/styles/lakes.json")).get("style");
        assertEquals("lakes", info.get("name").asText());
        assertEquals("sld", info.get("format").asText());
        assertEquals("1.0.0", info.at("/languageVersion/version").asText());
        assertEquals("lakes.sld", info.get("filename").asText());
        assertEquals("ws", info.at("/workspace/name").asText());
        Response file = rest.get("/workspaces/ws/styles/lakes.sld");
        assertEquals(200, file.status());
        assertEquals(SLD, file.header("Content-Type"));
        assertEquals(sld, file.body());
        assertEquals(sld, rest.get("/workspaces/ws/styles/lakes", SLD).body(), "by Accept too");
        assertEquals("lakes", json(rest.get("/workspaces/ws/styles.json")).at("/styles/style/0/name").asText());

        created(rest.post("/styles", SLD, RestHarness.sld("named_in_sld")), "/styles/named_in_sld", "named_in_sld");
        refused(rest.post("/styles?name=bad", SLD, "<StyledLayerDescriptor><NamedLayer>"), 400, "malformed SLD");
        refused(rest.post("/styles?name=bad", SLD, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><StyledLayerDescriptor>&e;</StyledLayerDescriptor>"),
                400, "malformed SLD");
        refused(rest.post("/styles?name=bad", SLD, "<Other/>"), 400, "not an SLD");
        assertNull(rest.catalog.getStyleByName(null, "bad"));
    }

    @Test
    void styleInfoThenSldUploadThenDeleteWithPurge() throws Exception {
        created(rest.post("/styles", JSON, "{\"style\":{\"name\":\"x\",\"filename\":\"x.sld\"}}"), "/styles/x", "x");
        refused(rest.get("/styles/x.sld"), 404, "style 'x' has no file (x.sld)");
        String se = RestHarness.sld("x").replace("version=\"1.0.0\"", "version=\"1.1.0\"");
        assertEquals(200, rest.put("/styles/x", SLD, se).status());
        StyleInfo style = rest.catalog.getStyleByName(null, "x");
        assertEquals("1.1.0", style.getFormatVersion());
        Response file = rest.get("/styles/x.sld");
        assertEquals(se, file.body());
        assertEquals("application/vnd.ogc.se+xml", file.header("Content-Type"));
        assertEquals(200, rest.put("/styles/x", XML, RestHarness.sld("x")).status(), "an SLD sent as plain XML is still a style file");
        assertEquals("1.0.0", rest.catalog.getStyleByName(null, "x").getFormatVersion());
        assertEquals(200, rest.put("/styles/x.json", JSON, "{\"style\":{\"name\":\"y\"}}").status());
        assertNotNull(rest.catalog.getStyleByName(null, "y"));
        assertEquals(RestHarness.sld("x"), rest.get("/styles/y.sld").body(), "the file stays with the renamed entry");
        refused(rest.delete("/styles/point"), 403, "default styles");
        assertEquals(200, rest.delete("/styles/y?purge=true").status());
        assertNull(rest.catalog.getStyleByName(null, "y"));
        assertFalse(rest.styleFiles.containsKey(style.getId()), "purged");
    }

    @Test
    void styleInUseNeedsRecurse() {
        roads();
        rest.post("/styles?name=mine", SLD, RestHarness.sld("mine"));
        rest.put("/layers/sf:roads", JSON, "{\"layer\":{\"defaultStyle\":{\"name\":\"mine\"}}}");
        refused(rest.delete("/styles/mine"), 403, "used by layer 'roads'");
        assertEquals(200, rest.delete("/styles/mine?recurse=true").status());
        assertNotNull(rest.catalog.getLayerByName("sf:roads").getDefaultStyle());
    }

    // ---------------------------------------------------------------- settings

    @Test
    void globalSettingsContactAndLogging() throws Exception {
        assertEquals(200, rest.put("/settings", JSON, "{\"global\":{\"settings\":{\"charset\":\"UTF-8\",\"verbose\":false,\"numDecimals\":8},\"updateSequence\":3}}").status());
        JsonNode global = json(rest.get("/settings.json")).get("global");
        assertFalse(global.at("/settings/verbose").asBoolean());
        assertTrue(global.at("/settings/verbose").isBoolean());
        assertTrue(global.at("/settings/numDecimals").isNumber());
        assertEquals(200, rest.put("/settings", JSON, "{\"global\":{\"settings\":{\"verbose\":true}}}").status());
        assertEquals("UTF-8", json(rest.get("/settings")).at("/global/settings/charset").asText(), "partial update");

        assertEquals("", json(rest.get("/settings/contact")).get("contact").asText());
        assertEquals(200, rest.put("/settings/contact", JSON, "{\"contact\":{\"address\":\"Unter den Linden\",\"addressPostalCode\":123445,\"addressState\":\"Berlin\"}}").status());
        JsonNode contact = json(rest.get("/settings/contact")).get("contact");
        assertEquals("Unter den Linden", contact.get("address").asText());
        assertEquals("123445", contact.get("addressPostalCode").asText());
        assertEquals("Unter den Linden", json(rest.get("/settings.json")).at("/global/settings/contact/address").asText());

        assertEquals(200, rest.put("/logging", XML, "<logging><level>PRODUCTION_LOGGING</level><stdOutLogging>true</stdOutLogging></logging>").status());
        JsonNode logging = json(rest.get("/logging.json")).get("logging");
        assertEquals("PRODUCTION_LOGGING", logging.get("level").asText());
        assertTrue(logging.get("stdOutLogging").asBoolean());
        refused(rest.delete("/settings"), 405, "DELETE");
        refused(rest.post("/logging", XML, "<logging/>"), 405, "POST");
    }

    @Test
    void proxyBaseUrlMakesTheLinks() throws Exception {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"a\"}}");
        rest.put("/settings", JSON, "{\"global\":{\"settings\":{\"proxyBaseUrl\":\"https://maps.example.com/geoserver/\"}}}");
        assertEquals("https://maps.example.com/geoserver/rest/workspaces/a.json", json(rest.get("/workspaces")).at("/workspaces/workspace/0/href").asText());
        rest.put("/settings", JSON, "{\"global\":{\"settings\":{\"proxyBaseUrl\":\"\"}}}");
        assertEquals(rest.base + "/workspaces/a.json", json(rest.get("/workspaces")).at("/workspaces/workspace/0/href").asText());
    }

    @Test
    void workspaceSettings() throws Exception {
        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"ws\"}}");
        refused(rest.get("/workspaces/ws/settings.json"), 404, "No settings of workspace 'ws'");
        created(rest.post("/workspaces/ws/settings", JSON, "{\"settings\":{\"charset\":\"UTF-8\",\"numDecimals\":4}}"), "/workspaces/ws/settings", "settings");
        refused(rest.post("/workspaces/ws/settings", JSON, "{\"settings\":{}}"), 409, "already exist");
        JsonNode settings = json(rest.get("/workspaces/ws/settings.json")).get("settings");
        assertEquals("ws", settings.at("/workspace/name").asText());
        assertEquals(4, settings.get("numDecimals").asInt());
        assertEquals(200, rest.put("/workspaces/ws/settings", XML, "<settings><numDecimals>6</numDecimals></settings>").status());
        assertEquals("6", rest.catalog.getSettings(rest.catalog.getWorkspaceByName("ws").getId()).xml().childText("numDecimals"));
        assertEquals(200, rest.delete("/workspaces/ws/settings").status());
        assertNull(rest.catalog.getSettings(rest.catalog.getWorkspaceByName("ws").getId()));
        refused(rest.get("/workspaces/nope/settings"), 404, "No such workspace");
    }

    @Test
    void serviceSettingsGlobalAndPerWorkspace() throws Exception {
        for (String service : List.of("wms", "wfs", "wcs", "wmts")) {
            assertEquals(404, rest.get("/services/" + service + "/settings.json").status());
            assertEquals(200, rest.put("/services/" + service + "/settings", JSON, "{\"" + service + "\":{\"enabled\":true,\"title\":\"My " + service + "\"}}").status());
            assertEquals("My " + service, json(rest.get("/services/" + service + "/settings.json")).at("/" + service + "/title").asText());
        }
        assertEquals(200, rest.put("/services/wms/settings", XML, "<wms><enabled>false</enabled></wms>").status());
        JsonNode wms = json(rest.get("/services/wms/settings.json")).get("wms");
        assertFalse(wms.get("enabled").asBoolean());
        assertEquals("My wms", wms.get("title").asText());
        refused(rest.delete("/services/wms/settings"), 405, "DELETE");

        rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"ws\"}}");
        assertEquals(200, rest.put("/services/wms/workspaces/ws/settings", JSON, "{\"wms\":{\"title\":\"ws wms\"}}").status());
        assertEquals("ws", json(rest.get("/services/wms/workspaces/ws/settings.json")).at("/wms/workspace/name").asText());
        assertEquals("My wms", rest.catalog.getService("wms", null).getTitle(), "the global one is untouched");
        assertEquals(200, rest.delete("/services/wms/workspaces/ws/settings").status());
        assertNull(rest.catalog.getService("wms", rest.catalog.getWorkspaceByName("ws").getId()));
        refused(rest.get("/services/nope/settings"), 404, "No such service: 'nope'");
    }

    // ---------------------------------------------------------------- about, reload, reset

    @Test
    void aboutVersionNamesTheGeoServerReleaseFirst() throws Exception {
        JsonNode resources = json(rest.get("/about/version.json")).at("/about/resource");
        assertEquals("GeoServer", resources.get(0).get("@name").asText());
        assertEquals("2.26.2", resources.get(0).get("Version").asText());
        assertEquals("GeoServer Cluster", resources.get(1).get("@name").asText());
        assertEquals("1.0.0-SNAPSHOT", resources.get(1).get("Version").asText());
        assertTrue(rest.get("/about/version.xml").body().contains("<resource name=\"GeoServer\">"));
    }

    @Test
    void reloadAndResetRunTheirTasks() {
        List<String> ran = new ArrayList<>();
        rest.servlet.addTask(() -> ran.add("reload"), java.util.Map.of(RestServlet.TASK_PROPERTY, "reload"));
        rest.servlet.addTask(() -> ran.add("reset"), java.util.Map.of(RestServlet.TASK_PROPERTY, "reset"));
        assertEquals(200, rest.post("/reload", null, null).status());
        assertEquals(200, rest.put("/reset", null, null).status());
        assertEquals(List.of("reload", "reset"), ran);
        refused(rest.get("/reload"), 405, "GET");
    }

    // ---------------------------------------------------------------- security

    @Test
    void basicAuthenticationAndRoles() {
        Response anonymous = rest.send("GET", "/workspaces.json", null, null, null, null);
        assertEquals(401, anonymous.status());
        assertEquals("Basic realm=\"GeoServer Realm\"", anonymous.header("WWW-Authenticate"));
        assertEquals(401, rest.send("GET", "/workspaces.json", null, null, "admin:wrong", null).status());
        assertEquals(401, rest.send("POST", "/workspaces", JSON, "{\"workspace\":{\"name\":\"x\"}}", null, null).status());
        refused(rest.send("GET", "/workspaces.json", null, null, RestHarness.READER, null), 403, "role 'admin' needed");
        assertNull(rest.catalog.getWorkspaceByName("x"));
    }

    @Test
    void aReaderRoleMayReadButNotWrite() throws Exception {
        try (RestHarness readable = new RestHarness("viewer")) {
            assertEquals(200, readable.send("GET", "/workspaces.json", null, null, RestHarness.READER, null).status());
            assertEquals(403, readable.send("POST", "/workspaces", JSON, "{\"workspace\":{\"name\":\"x\"}}", RestHarness.READER, null).status());
            assertEquals(201, readable.send("POST", "/workspaces", JSON, "{\"workspace\":{\"name\":\"x\"}}", RestHarness.ADMIN, null).status());
            assertEquals(200, readable.send("GET", "/workspaces/x", null, null, RestHarness.ADMIN, null).status(), "the admin role reads too");
        }
        try (RestHarness open = new RestHarness("")) {
            assertEquals(200, open.send("GET", "/workspaces.json", null, null, null, null).status());
            assertEquals(401, open.send("DELETE", "/workspaces/x", null, null, null, null).status());
        }
    }

    @Test
    void doubleSlashesAndFormBodiesAsSomeClientsSendThem() {
        rest.post("/workspaces", "application/x-www-form-urlencoded", "{\"workspace\":{\"name\":\"curl\"}}");
        assertNotNull(rest.catalog.getWorkspaceByName("curl"), "curl -d without a Content-Type");
        assertEquals(200, rest.get("//workspaces/curl.json").status());
    }
}
