package org.geoserver.cluster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicLong;
import org.geoserver.cluster.catalog.api.GeoServerInfo;
import org.geoserver.cluster.catalog.api.UpdateSequence;
import org.geoserver.cluster.rest.internal.RestHarness.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each of {@link GeoServerQuirks}, numbered as there, over HTTP. */
class GeoServerQuirksTest {

    private static final String JSON = "application/json";
    private static final String SLD = "application/vnd.ogc.sld+xml";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RestHarness rest;

    @BeforeEach
    void start() throws Exception {
        rest = new RestHarness();
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

    private void roads() {
        assertEquals(201, rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"sf\"}}").status());
        assertEquals(201, rest.post("/workspaces/sf/datastores", JSON, "{\"dataStore\":{\"name\":\"sf\",\"type\":\"Shapefile\","
                + "\"connectionParameters\":{\"url\":\"file:data/sf\"}}}").status());
        assertEquals(201, rest.post("/workspaces/sf/datastores/sf/featuretypes", JSON, "{\"featureType\":{\"name\":\"roads\",\"srs\":\"EPSG:4326\"}}").status());
    }

    @Test
    void quirk1UnknownWorkspaceHasNoLayers() {
        assertEquals("{\"layers\":\"\"}", rest.get("/workspaces/nope/layers.json").body());
        assertEquals(200, rest.get("/workspaces/nope/layers.json").status());
        Response xml = rest.get("/workspaces/nope/layers.xml");
        assertEquals(200, xml.status());
        assertTrue(xml.body().trim().endsWith("<layers/>"), xml.body());
        assertEquals(404, rest.get("/workspaces/nope/layers/roads.json").status(), "one layer of it: 404");
        assertEquals(404, rest.get("/workspaces/nope/styles.json").status(), "other lists of it: 404");
        assertEquals(404, rest.get("/workspaces/nope/datastores.json").status());
        roads();
        assertEquals("roads", json(rest.get("/workspaces/sf/layers.json")).at("/layers/layer/0/name").asText(), "a known workspace lists its layers");
    }

    @Test
    void quirk2EmptyListsAndElementsAreEmptyStrings() {
        assertEquals("{\"workspaces\":\"\"}", rest.get("/workspaces.json").body());
        assertEquals("{\"layers\":\"\"}", rest.get("/layers.json").body());
        assertEquals("{\"styles\":\"\"}", rest.get("/styles.json").body());
        assertEquals("{\"layerGroups\":\"\"}", rest.get("/layergroups.json").body());
        assertTrue(rest.get("/workspaces.xml").body().trim().endsWith("<workspaces/>"));
        assertEquals(201, rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"empty\"}}").status());
        assertEquals("{\"layers\":\"\"}", rest.get("/workspaces/empty/layers.json").body());
        assertEquals("{\"dataStores\":\"\"}", rest.get("/workspaces/empty/datastores.json").body());
        assertEquals("{\"contact\":\"\"}", rest.get("/settings/contact.json").body(), "an empty element");
    }

    @Test
    void quirk3OneItemIsStillAListAndReadingIsLenient() {
        roads();
        assertTrue(json(rest.get("/workspaces.json")).at("/workspaces/workspace").isArray());
        assertEquals("file:data/sf", json(rest.get("/workspaces/sf/datastores/sf.json")).at("/dataStore/connectionParameters/entry/0/$").asText(),
                "a map sent as a plain object");
        assertEquals(200, rest.put("/workspaces/sf/datastores/sf/featuretypes/roads", JSON, "{\"featureType\":{\"keywords\":{\"string\":\"roads\"}}}").status());
        JsonNode keywords = json(rest.get("/workspaces/sf/datastores/sf/featuretypes/roads.json")).at("/featureType/keywords/string");
        assertTrue(keywords.isArray(), "one keyword sent as a single value, shown as a list: " + keywords);
        assertEquals("roads", keywords.get(0).asText());
    }

    @Test
    void quirk4ScalarsAreTypedAsTheModelTypesThem() {
        assertEquals(200, rest.put("/settings", JSON, "{\"global\":{\"settings\":{\"numDecimals\":8,\"verbose\":false,\"charset\":\"8\"}}}").status());
        JsonNode settings = json(rest.get("/settings.json")).at("/global/settings");
        assertTrue(settings.get("numDecimals").isNumber());
        assertTrue(settings.get("verbose").isBoolean());
        assertTrue(settings.get("charset").isTextual(), "a string property holding digits stays a string");
    }

    @Test
    void quirk5DoubleUnderscoresInXmlAreOneInJson() {
        assertEquals(201, rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"sf\"}}").status());
        assertEquals(201, rest.post("/workspaces/sf/datastores", JSON, "{\"dataStore\":{\"name\":\"pg\",\"_default\":true}}").status());
        assertTrue(rest.get("/workspaces/sf/datastores/pg.xml").body().contains("<__default>true</__default>"));
        assertTrue(json(rest.get("/workspaces/sf/datastores/pg.json")).at("/dataStore/_default").asBoolean());
    }

    @Test
    void quirk6CreationAnswersTheNameAsText() {
        Response created = rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"sf\"}}");
        assertEquals(201, created.status());
        assertEquals("sf", created.body());
        assertTrue(created.header("Content-Type").startsWith("text/plain"));
        assertEquals(rest.base + "/workspaces/sf", created.header("Location"));
    }

    @Test
    void quirk7OnlyAKnownSuffixIsAFormat() {
        assertEquals(201, rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"it.geosolutions\"}}").status());
        assertEquals("it.geosolutions", json(rest.get("/workspaces/it.geosolutions")).at("/workspace/name").asText(), "no suffix, no Accept: JSON");
        assertTrue(rest.get("/workspaces/it.geosolutions.xml").body().contains("<name>it.geosolutions</name>"));
        assertTrue(rest.get("/workspaces/it.geosolutions", "application/xml").body().contains("<name>it.geosolutions</name>"));
    }

    @Test
    void quirk8NothingIsAvailableToPublish() {
        roads();
        assertEquals("{\"list\":\"\"}", rest.get("/workspaces/sf/datastores/sf/featuretypes.json?list=available").body());
    }

    @Test
    void quirk9ABareLayerNameIsFoundWhenUnique() {
        roads();
        assertEquals("roads", json(rest.get("/layers/roads.json")).at("/layer/name").asText());
        assertEquals("roads", json(rest.get("/layers/sf:roads.json")).at("/layer/name").asText());
        assertEquals(rest.base + "/layers/sf:roads.json", json(rest.get("/layers.json")).at("/layers/layer/0/href").asText(), "':' unescaped");
    }

    @Test
    void quirk10RawStyleFilesAreKeptAsSent() {
        assertEquals(201, rest.post("/styles", JSON, "{\"style\":{\"name\":\"s\",\"filename\":\"s.sld\"}}").status());
        String notSld = "<not-an-sld>kept as sent</not-an-sld>";
        assertEquals(400, rest.put("/styles/s", SLD, notSld).status(), "checked without raw");
        assertEquals(200, rest.put("/styles/s?raw=true", SLD, notSld).status());
        assertEquals(notSld, rest.get("/styles/s.sld").body());
    }

    @Test
    void quirk11ReloadAndResetTakePutAsWell() {
        assertEquals(200, rest.put("/reload", null, null).status());
        assertEquals(200, rest.post("/reset", null, null).status());
    }

    @Test
    void quirk12TheUpdateSequenceIsTheServers() {
        GeoServerInfo global = rest.catalog.getGlobal();
        global.setUpdateSequence(7);
        rest.catalog.save(global);
        assertEquals(7, json(rest.get("/settings.json")).at("/global/updateSequence").asLong(), "no service: the stored value");
        assertTrue(rest.get("/settings.xml").body().contains("<updateSequence>7</updateSequence>"));

        AtomicLong cluster = new AtomicLong(123456789012L);
        UpdateSequence service = cluster::get;
        rest.servlet.setUpdateSequence(service);
        JsonNode shown = json(rest.get("/settings.json")).at("/global/updateSequence");
        assertTrue(shown.isNumber());
        assertEquals(123456789012L, shown.asLong());
        assertTrue(rest.get("/settings.xml").body().contains("<updateSequence>123456789012</updateSequence>"));

        assertEquals(200, rest.put("/settings", JSON, "{\"global\":{\"settings\":{\"charset\":\"ISO-8859-1\"},\"updateSequence\":3}}").status());
        assertEquals(200, rest.put("/settings.xml", "application/xml", "<global><updateSequence>4</updateSequence></global>").status());
        assertEquals(7, rest.catalog.getGlobal().getUpdateSequence(), "a PUT does not set it");
        assertEquals("ISO-8859-1", rest.catalog.getGlobal().getSettings().childText("charset"), "the rest of the body is taken");
        cluster.set(123456789013L);
        assertEquals(123456789013L, json(rest.get("/settings")).at("/global/updateSequence").asLong());

        rest.servlet.unsetUpdateSequence(service);
        assertEquals(7, json(rest.get("/settings.json")).at("/global/updateSequence").asLong(), "service gone: the stored value again");
    }

    @Test
    void quirk13ItIsGeoServer2262() {
        assertEquals("2.26.2", json(rest.get("/about/version.json")).at("/about/resource/0/Version").asText());
    }

    @Test
    void quirk14NoIdsAndReferencesByName() {
        rest.withDefaults();
        roads();
        assertTrue(rest.catalog.getWorkspaceByName("sf").getId() != null);
        assertTrue(json(rest.get("/workspaces/sf.json")).at("/workspace/id").isMissingNode());
        JsonNode layer = json(rest.get("/layers/sf:roads.json")).get("layer");
        assertTrue(layer.get("id") == null, "no id: " + layer);
        String style = layer.at("/defaultStyle/name").asText();
        assertEquals(rest.base + "/styles/" + style + ".json", layer.at("/defaultStyle/href").asText(), "a reference as name and link: " + layer);
        assertTrue(layer.at("/defaultStyle/id").isMissingNode());
        assertEquals(200, rest.put("/layers/sf:roads", JSON, "{\"layer\":{\"defaultStyle\":{\"name\":\"point\"}}}").status());
        assertEquals("point", json(rest.get("/layers/sf:roads.json")).at("/layer/defaultStyle/name").asText(), "a reference sent by name");
    }
}
