package org.geoserver.cluster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.junit.jupiter.api.Test;

class JsonTreeTest {

    private static String json(XmlElement element) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonTree.write(element, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static XmlElement read(String json) {
        return JsonTree.read(json.getBytes(StandardCharsets.UTF_8), BodyLimits.DEFAULTS);
    }

    @Test
    void anEmptyListIsAnEmptyString() {
        assertEquals("{\"workspaces\":\"\"}", json(XmlElement.of("workspaces")));
    }

    @Test
    void aListOfOneIsStillAnArray() {
        XmlElement list = XmlElement.of("workspaces", List.of(XmlElement.of("workspace", List.of(XmlElement.text("name", "a")))));
        assertEquals("{\"workspaces\":{\"workspace\":[{\"name\":\"a\"}]}}", json(list));
    }

    @Test
    void collectionsOfOneAreArraysButSinglePropertiesAreNot() {
        XmlElement featureType = XmlElement.of("featureType", List.of(
                XmlElement.of("keywords", List.of(XmlElement.text("string", "roads"))),
                XmlElement.of("namespace", List.of(XmlElement.text("name", "sf"))),
                XmlElement.of("metadata", List.of(XmlElement.text("entry", "3600").withAttribute("key", "cacheAgeMax")))));
        assertEquals("{\"featureType\":{\"keywords\":{\"string\":[\"roads\"]},\"namespace\":{\"name\":\"sf\"},"
                + "\"metadata\":{\"entry\":[{\"@key\":\"cacheAgeMax\",\"$\":\"3600\"}]}}}", json(featureType));
    }

    @Test
    void typedEntriesOfAMapAreObjectsNotArrays() {
        XmlElement entry = XmlElement.of("entry", List.of(XmlElement.text("string", "k"), XmlElement.text("boolean", "false")));
        assertEquals("{\"entry\":{\"string\":\"k\",\"boolean\":false}}", json(entry));
    }

    @Test
    void booleansAndNumbersAreTypedWhereTheModelTypesThem() {
        XmlElement store = XmlElement.of("dataStore", List.of(
                XmlElement.text("name", "123"), XmlElement.text("enabled", "true"), XmlElement.text("__default", "false"),
                XmlElement.of("box", List.of(XmlElement.text("minx", "-124.73142200000001"), XmlElement.text("crs", "EPSG:4326").withAttribute("class", "projected")))));
        assertEquals("{\"dataStore\":{\"name\":\"123\",\"enabled\":true,\"_default\":false,"
                + "\"box\":{\"minx\":-124.73142200000001,\"crs\":{\"@class\":\"projected\",\"$\":\"EPSG:4326\"}}}}", json(store));
    }

    @Test
    void readsAttributesTextArraysAndUnderscoreNames() {
        XmlElement store = read("{\"dataStore\":{\"name\":\"s\",\"_default\":true,\"port\":5432,\"connectionParameters\":{\"entry\":"
                + "[{\"@key\":\"host\",\"$\":\"h\"},{\"@key\":\"port\",\"$\":5432}]},\"description\":null,\"abstract\":\"\"}}");
        assertEquals("<dataStore><name>s</name><__default>true</__default><port>5432</port><connectionParameters>"
                + "<entry key=\"host\">h</entry><entry key=\"port\">5432</entry></connectionParameters><abstract/></dataStore>", store.toString());
    }

    @Test
    void readsAPlainObjectAsAMap() {
        XmlElement store = read("{\"dataStore\":{\"connectionParameters\":{\"host\":\"h\",\"port\":\"5432\"}}}");
        assertEquals("<dataStore><connectionParameters><entry key=\"host\">h</entry><entry key=\"port\">5432</entry></connectionParameters></dataStore>",
                store.toString());
    }

    @Test
    void roundTripsWhatItWrites() {
        XmlElement layer = XmlElement.of("layer", List.of(
                XmlElement.text("name", "roads"),
                XmlElement.of("styles", List.of(XmlElement.of("style", List.of(XmlElement.text("name", "line"))))).withAttribute("class", "linked-hash-set"),
                XmlElement.text("queryable", "true")));
        assertEquals(layer, read(json(layer)));
    }

    @Test
    void malformedJsonNamesThePlace() {
        RestException e = assertThrows(RestException.class, () -> read("{\"workspace\":{\"name\":}"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("malformed JSON") && e.getMessage().contains("line 1"), e.getMessage());
        assertEquals(400, assertThrows(RestException.class, () -> read("[1,2]")).status());
        RestException tooLong = assertThrows(RestException.class, () -> read("{\"workspace\":{\"numDecimals\":" + "9".repeat(2000) + "}}"));
        assertEquals(400, tooLong.status(), "a refusal of the JSON reader without a location");
        assertTrue(tooLong.getMessage().startsWith("malformed JSON: "), tooLong.getMessage());
        assertEquals(400, assertThrows(RestException.class, () -> read("{\"a\":{},\"b\":{}}")).status());
    }
}
