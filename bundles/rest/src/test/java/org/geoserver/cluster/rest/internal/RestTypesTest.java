package org.geoserver.cluster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.types.GeoServerTypes;
import org.geoserver.cluster.catalog.types.ObjectType;
import org.geoserver.cluster.catalog.types.PropertyType;
import org.geoserver.cluster.catalog.types.ValueType;
import org.geoserver.cluster.rest.internal.RestHarness.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * REST refuses a value of the wrong type or outside its enumeration with 400 naming the object,
 * the property, the value and what was expected, and nothing changes. The cases come from the type
 * description: every typed property of every type served, nested structures included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestTypesTest {

    private static final String XML = "application/xml";
    private static final String JSON = "application/json";

    /** Where an object of each type is served, by the element naming its type. */
    private static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put("workspace", "/workspaces/ws");
        PATHS.put("namespace", "/namespaces/ws");
        PATHS.put("dataStore", "/workspaces/ws/datastores/ds");
        PATHS.put("coverageStore", "/workspaces/ws/coveragestores/cs");
        PATHS.put("wmsStore", "/workspaces/ws/wmsstores/remote");
        PATHS.put("wmtsStore", "/workspaces/ws/wmtsstores/tiles");
        PATHS.put("featureType", "/workspaces/ws/datastores/ds/featuretypes/roads");
        PATHS.put("coverage", "/workspaces/ws/coveragestores/cs/coverages/dem");
        PATHS.put("wmsLayer", "/workspaces/ws/wmsstores/remote/wmslayers/relief");
        PATHS.put("wmtsLayer", "/workspaces/ws/wmtsstores/tiles/layers/road_tiles");
        PATHS.put("layer", "/layers/ws:roads");
        PATHS.put("layerGroup", "/layergroups/g");
        PATHS.put("style", "/styles/point");
        PATHS.put("global", "/settings");
        PATHS.put("settings", "/workspaces/ws/settings");
        PATHS.put("logging", "/logging");
        PATHS.put("contact", "/settings/contact");
        for (String service : List.of("wms", "wfs", "wcs", "wmts")) {
            PATHS.put(service, "/services/" + service + "/settings");
        }
    }

    private RestHarness rest;

    @BeforeAll
    void start() throws Exception {
        rest = new RestHarness().withDefaults();
        created(rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"ws\"}}"));
        created(rest.post("/workspaces/ws/datastores", XML, "<dataStore><name>ds</name><type>Shapefile</type><enabled>true</enabled></dataStore>"));
        created(rest.post("/workspaces/ws/coveragestores", XML, "<coverageStore><name>cs</name><type>GeoTIFF</type><enabled>true</enabled></coverageStore>"));
        created(rest.post("/workspaces/ws/wmsstores", XML, "<wmsStore><name>remote</name><type>WMS</type><enabled>true</enabled></wmsStore>"));
        created(rest.post("/workspaces/ws/wmtsstores", XML, "<wmtsStore><name>tiles</name><type>WMTS</type><enabled>true</enabled></wmtsStore>"));
        created(rest.post("/workspaces/ws/datastores/ds/featuretypes", JSON,
                "{\"featureType\":{\"name\":\"roads\",\"nativeName\":\"roads\",\"title\":\"Roads\",\"srs\":\"EPSG:4326\"}}"));
        created(rest.post("/workspaces/ws/coveragestores/cs/coverages", JSON, "{\"coverage\":{\"name\":\"dem\",\"srs\":\"EPSG:4326\"}}"));
        created(rest.post("/workspaces/ws/wmsstores/remote/wmslayers", JSON, "{\"wmsLayer\":{\"name\":\"relief\",\"nativeName\":\"relief\"}}"));
        created(rest.post("/workspaces/ws/wmtsstores/tiles/layers", JSON, "{\"wmtsLayer\":{\"name\":\"road_tiles\",\"nativeName\":\"road_tiles\"}}"));
        created(rest.post("/layergroups", XML, "<layerGroup><name>g</name><publishables><published type=\"layer\"><name>ws:roads</name></published></publishables></layerGroup>"));
        assertEquals(200, rest.put("/workspaces/ws/settings", XML, "<settings><charset>UTF-8</charset></settings>").status());
        for (String service : List.of("wms", "wfs", "wcs", "wmts")) {
            assertEquals(200, rest.put("/services/" + service + "/settings", XML, "<" + service + "><name>" + service.toUpperCase() + "</name></" + service + ">").status());
        }
        for (String path : PATHS.values()) {
            assertEquals(200, rest.get(path + ".xml").status(), path);
        }
    }

    @AfterAll
    void stop() throws Exception {
        rest.close();
    }

    private static void created(Response response) {
        assertEquals(201, response.status(), response.body());
    }

    /** One wrong value: the body (XML or JSON) and what the refusal must name. */
    private record Case(String element, String path, String property, String wrong, String expected, String xml, String json) {}

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, String> served : PATHS.entrySet()) {
            ObjectType type = GeoServerTypes.of(served.getKey());
            for (PropertyType property : type.properties().values()) {
                String wrong = property.type().wrongExample();
                if (wrong != null) {
                    cases.add(new Case(type.element(), served.getValue(), property.name(), wrong, property.type().describe(),
                            "<" + type.element() + "><" + property.name() + ">" + wrong + "</" + property.name() + "></" + type.element() + ">",
                            "{\"" + type.element() + "\":{\"" + property.name() + "\":\"" + wrong + "\"}}"));
                }
                if (property.type().kind() == ValueType.Kind.STRUCTURE) {
                    ObjectType structure = GeoServerTypes.of(property.type().structure());
                    for (PropertyType inner : structure.properties().values()) {
                        String innerWrong = inner.type().wrongExample();
                        if (innerWrong != null) {
                            cases.add(new Case(type.element(), served.getValue(), property.name() + "/" + inner.name(), innerWrong, inner.type().describe(),
                                    "<" + type.element() + "><" + property.name() + "><" + inner.name() + ">" + innerWrong + "</" + inner.name() + "></"
                                            + property.name() + "></" + type.element() + ">",
                                    "{\"" + type.element() + "\":{\"" + property.name() + "\":{\"" + inner.name() + "\":\"" + innerWrong + "\"}}}"));
                        }
                    }
                }
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyTypedPropertyOfEveryServedTypeRefusesAWrongValueAndNothingChanges() {
        List<Case> cases = cases();
        assertTrue(cases.size() > 100, "cases from the description: " + cases.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.element() + "." + c.property() + " (XML)", () -> refused(c, XML, c.xml())));
            if (!c.property().startsWith("_")) { // JSON spells __default as _default
                tests.add(DynamicTest.dynamicTest(c.element() + "." + c.property() + " (JSON)", () -> refused(c, JSON, c.json())));
            }
        }
        return tests.stream();
    }

    private void refused(Case c, String contentType, String body) {
        String before = snapshot();
        Response response = rest.put(c.path(), contentType, body);
        assertEquals(400, response.status(), c.path() + " " + body + ": " + response.body());
        String message = response.body();
        assertTrue(message.contains("'" + c.property() + "'"), message);
        assertTrue(message.contains("'" + c.wrong() + "'"), message);
        assertTrue(message.contains(c.expected()), message);
        assertTrue(message.startsWith(c.element()), "names the object: " + message);
        assertFalse(message.contains("\n"), message);
        assertEquals(before, snapshot(), "nothing changed");
    }

    private String snapshot() {
        return rest.catalog.list(Info.class).stream().map(info -> info.xml().toString()).collect(Collectors.joining("\n"));
    }

    @Test
    void theValuesOfTheBriefAreRefused() {
        Response memory = rest.put("/services/wms/settings", XML, "<wms><maxRequestMemory>None</maxRequestMemory></wms>");
        assertEquals(400, memory.status());
        assertEquals("wms 'WMS': property 'maxRequestMemory' cannot be 'None': expected an integer (32 bits)", memory.body());
        Response decimals = rest.put("/settings", JSON, "{\"global\":{\"settings\":{\"numDecimals\":\"lots\"}}}");
        assertEquals(400, decimals.status(), decimals.body());
        assertTrue(decimals.body().contains("'settings/numDecimals' cannot be 'lots'"), decimals.body());
        assertEquals(200, rest.put("/services/wms/settings", XML, "<wms><maxRequestMemory>1024</maxRequestMemory></wms>").status(), "a right value passes");
    }

    @Test
    void aGroupCreatedWithEmptyStylesKeepsOneEmptyStylePerMemberAndDefaultsAreAnswered() throws Exception {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            members.append("<published type=\"layer\"><name>ws:roads</name></published>");
        }
        created(rest.post("/layergroups", XML, "<layerGroup><name>four</name><publishables>" + members + "</publishables><styles/></layerGroup>"));
        String group = rest.get("/layergroups/four.xml").body();
        assertEquals(4, group.split("<style/>", -1).length - 1, group);
        assertTrue(group.contains("<mode>SINGLE</mode>"), group);
        String json = rest.get("/services/wcs/settings.json").body();
        assertTrue(json.contains("\"latLon\":false"), json);
    }
}
