package org.geoserver.cluster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.rest.internal.RestHarness.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What real scripts and mistakes send: each refused with a 4xx naming the problem, and nothing changes. */
class BadInputTest {

    private static final String XML = "application/xml";
    private static final String JSON = "application/json";
    /** Small limits, so that each is reached with small bodies. */
    private static final BodyLimits LIMITS = new BodyLimits(200_000, 16, 200);

    private RestHarness rest;
    private List<Info> before;

    @BeforeEach
    void start() throws Exception {
        rest = new RestHarness("admin", LIMITS).withDefaults();
        before = rest.catalog.list(Info.class);
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    private void refusedAndNothingChanged(Response response, int status, String... messageParts) {
        assertEquals(status, response.status(), response.body());
        for (String part : messageParts) {
            assertTrue(response.body().contains(part), response.body());
        }
        assertFalse(response.body().contains("\n"), "one line: " + response.body());
        assertEquals(before, rest.catalog.list(Info.class), "nothing changed");
    }

    @Test
    void aClassAttributeOnTheRootIsRefusedAsTheLoaderWouldRefuseItsFile() {
        refusedAndNothingChanged(rest.post("/workspaces", XML, "<workspace class=\"java.lang.ProcessBuilder\"><name>x1</name></workspace>"),
                400, "workspace 'x1'", "would not load again", "class=\"java.lang.ProcessBuilder\"");
        refusedAndNothingChanged(rest.post("/workspaces", JSON, "{\"workspace\":{\"@class\":\"java.lang.Runtime\",\"name\":\"x2\"}}"),
                400, "workspace 'x2'", "class=\"java.lang.Runtime\"");
        created(rest.post("/workspaces", XML, "<workspace><name>x3</name></workspace>"));
        before = rest.catalog.list(Info.class);
        refusedAndNothingChanged(rest.put("/workspaces/x3", XML, "<workspace class=\"java.lang.ProcessBuilder\"><name>x3</name></workspace>"),
                400, "class=\"java.lang.ProcessBuilder\"");
    }

    @Test
    void everyObjectAcceptedReadsBackAsItIs() {
        // Control characters and characters outside the BMP in a text: accepted only as they load again.
        Response response = rest.post("/workspaces", JSON, "{\"workspace\":{\"name\":\"w\\u00e9\\ud83d\\ude00\"}}");
        created(response);
        InfoXml xml = new InfoXml();
        for (Info info : rest.catalog.list(Info.class)) {
            assertEquals(info, xml.fromBytes(xml.toBytes(info)), info + " reads back from its file as it is");
        }
    }

    @Test
    void deepNestingIsRefusedNamingTheLimit() {
        String xml = "<workspace><name>deep</name>" + "<a>".repeat(20_000) + "</a>".repeat(20_000) + "</workspace>";
        refusedAndNothingChanged(send("POST", "/workspaces", XML, xml.getBytes(StandardCharsets.UTF_8), false), 400, "maxDepth = 16");
        String json = "{\"workspace\":{\"name\":\"deep\",\"a\":" + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000) + "}}";
        refusedAndNothingChanged(send("POST", "/workspaces", JSON, json.getBytes(StandardCharsets.UTF_8), false), 400, "maxDepth = 16");
        String justTooDeep = "<workspace><name>deep</name>" + "<a>".repeat(16) + "</a>".repeat(16) + "</workspace>";
        refusedAndNothingChanged(rest.post("/workspaces", XML, justTooDeep), 400, "maxDepth = 16");
        String deepEnough = "<workspace><name>deep</name>" + "<a>".repeat(15) + "x" + "</a>".repeat(15) + "</workspace>";
        created(rest.post("/workspaces", XML, deepEnough));
    }

    @Test
    void tooManyElementsAreRefusedNamingTheLimit() {
        String many = "<workspace><name>many</name>" + "<a/>".repeat(199) + "</workspace>";
        refusedAndNothingChanged(rest.post("/workspaces", XML, many), 400, "maxElements = 200");
        String json = "{\"workspace\":{\"name\":\"many\",\"a\":[" + "1,".repeat(198) + "1]}}";
        refusedAndNothingChanged(rest.post("/workspaces", JSON, json), 400, "maxElements = 200");
        created(rest.post("/workspaces", XML, "<workspace><name>many</name>" + "<a/>".repeat(198) + "</workspace>"));
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWith413() {
        byte[] large = ("<workspace><name>large</name><a>" + "x".repeat(250_000) + "</a></workspace>").getBytes(StandardCharsets.UTF_8);
        refusedAndNothingChanged(send("POST", "/workspaces", XML, large, false), 413, "has 250", "maxBodyBytes = 200000");
        refusedAndNothingChanged(send("POST", "/workspaces", XML, large, true), 413, "more than 200000", "maxBodyBytes");
        refusedAndNothingChanged(send("PUT", "/styles/point", "application/vnd.ogc.sld+xml", large, false), 413, "maxBodyBytes");
    }

    @Test
    void unusualMethodsAreRefusedWithAMessage() {
        for (String method : java.util.List.of("TRACE", "PATCH", "OPTIONS", "PROPFIND")) {
            Response response = rest.send(method, "/workspaces", null, null, RestHarness.ADMIN, null);
            assertEquals(405, response.status(), method + ": " + response.body());
            assertTrue(response.body().contains(method + " is not allowed on /workspaces"), method + ": " + response.body());
        }
    }

    private void created(Response response) {
        assertEquals(201, response.status(), response.body());
    }

    private Response send(String method, String path, String contentType, byte[] body, boolean chunked) {
        return rest.send(method, path, contentType, body, chunked);
    }
}
