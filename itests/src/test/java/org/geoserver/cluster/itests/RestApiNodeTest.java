package org.geoserver.cluster.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * GeoServer's REST API of a node of the built distribution, over real HTTP on the node's port, with
 * the real JAAS realm (admin/geoserver from etc/users.properties): every resource once, and that
 * what was written survives a restart (the data directory).
 */
public class RestApiNodeTest {

    private static final String JSON = "application/json";
    private static final String XML = "application/xml";
    private static final String SLD = "application/vnd.ogc.sld+xml";
    private static final String ADMIN = KarafNode.USER + ":" + KarafNode.PASSWORD;
    private static final String STYLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
            + "<NamedLayer><Name>roads</Name><UserStyle><Name>itest-roads</Name><FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle>"
            + "</UserStyle></NamedLayer></StyledLayerDescriptor>\n";

    private static KarafNode node;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeClass
    public static void startNode() {
        node = KarafNode.unpack("rest").offline().emptyDataDirectory();
        node.start().awaitReady(Duration.ofSeconds(120));
        awaitApi();
    }

    @AfterClass
    public static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private static void awaitApi() {
        Wait.until("the REST API on port " + node.httpPort(), Duration.ofSeconds(60),
                () -> call("GET", "/about/version.json", null, null, ADMIN).statusCode() == 200, node::logTail);
    }

    private static HttpResponse<String> call(String method, String path, String contentType, String body, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/geoserver/rest" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + method + " " + path, e);
        }
    }

    private static String expect(int status, String method, String path, String contentType, String body) {
        HttpResponse<String> response = call(method, path, contentType, body, ADMIN);
        assertEquals(method + " " + path + ": " + response.body() + "\n" + node.logTail(), status, response.statusCode());
        return response.body();
    }

    private static String get(String path) {
        return expect(200, "GET", path, null, null);
    }

    @Test
    public void everyResourceOverHttpThenAfterARestart() {
        // security: the realm "karaf" decides
        HttpResponse<String> anonymous = call("GET", "/workspaces.json", null, null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("Basic realm=\"GeoServer Realm\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, call("GET", "/workspaces.json", null, null, "admin:wrong").statusCode());

        assertTrue(get("/about/version.json").contains("\"Version\":\"2.26.2\""));
        assertTrue(get("/styles.json").contains("\"name\":\"point\""));
        assertTrue(get("/settings.json").contains("\"charset\""));

        expect(201, "POST", "/workspaces", JSON, "{\"workspace\":{\"name\":\"it\"}}");
        expect(201, "POST", "/namespaces", JSON, "{\"namespace\":{\"prefix\":\"it2\",\"uri\":\"http://it2\"}}");
        expect(200, "PUT", "/workspaces/default", JSON, "{\"workspace\":{\"name\":\"it\"}}");

        // refused requests answer with GeoServer's status and change nothing
        String before = get("/workspaces.json");
        expect(400, "POST", "/workspaces", JSON, "{\"workspace\":");
        expect(400, "POST", "/workspaces", "application/xml", "<workspace><name>broken</workspace>");
        expect(409, "POST", "/workspaces", JSON, "{\"workspace\":{\"name\":\"it\"}}");
        expect(404, "POST", "/workspaces/nowhere/datastores", JSON, "{\"dataStore\":{\"name\":\"s\"}}");
        expect(404, "GET", "/workspaces/nowhere.json", null, null);
        // what the loader would refuse at the next start, and bodies beyond the limits: 4xx naming the problem
        assertTrue(expect(400, "POST", "/workspaces", XML, "<workspace class=\"java.lang.ProcessBuilder\"><name>x1</name></workspace>")
                .contains("class=\"java.lang.ProcessBuilder\""));
        assertTrue(expect(400, "POST", "/workspaces", XML, "<workspace><name>deep</name>" + "<a>".repeat(20_000) + "</a>".repeat(20_000) + "</workspace>")
                .contains("maxDepth = 64"));
        assertTrue(expect(400, "POST", "/workspaces", XML, "<workspace><name>" + "n".repeat(300) + "</name></workspace>")
                .contains("maxFileNameBytes"));
        assertTrue(expect(413, "POST", "/workspaces", XML, "<workspace><name>large</name><a>" + "x".repeat(17 * 1024 * 1024) + "</a></workspace>")
                .contains("maxBodyBytes = 16777216"));
        // a refusal decided before the body is read reaches a client still sending a large body, not a reset connection
        String large = "<workspace><name>large</name><a>" + "x".repeat(5 * 1024 * 1024) + "</a></workspace>";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, call("POST", "/workspaces", XML, large, "admin:wrong").statusCode());
            assertEquals(404, call("PUT", "/workspaces/nowhere/datastores/none", XML, large, ADMIN).statusCode());
        }
        assertEquals(before, get("/workspaces.json"));
        expect(201, "POST", "/workspaces/it/datastores", JSON,
                "{\"dataStore\":{\"name\":\"ds\",\"type\":\"PostGIS\",\"connectionParameters\":{\"entry\":[{\"@key\":\"host\",\"$\":\"db\"}]}}}");
        expect(201, "POST", "/workspaces/it/datastores/ds/featuretypes", JSON, "{\"featureType\":{\"name\":\"roads\",\"srs\":\"EPSG:4326\","
                + "\"nativeBoundingBox\":{\"minx\":0,\"maxx\":1,\"miny\":0,\"maxy\":1,\"crs\":\"EPSG:4326\"},"
                + "\"attributes\":{\"attribute\":[{\"name\":\"geom\",\"binding\":\"org.locationtech.jts.geom.LineString\"}]}}}");
        expect(201, "POST", "/workspaces/it/coveragestores", XML, "<coverageStore><name>dem</name><type>GeoTIFF</type><url>file:data/dem.tif</url></coverageStore>");
        expect(201, "POST", "/workspaces/it/coveragestores/dem/coverages", XML, "<coverage><name>dem</name><srs>EPSG:4326</srs></coverage>");
        expect(201, "POST", "/workspaces/it/wmsstores", JSON, "{\"wmsStore\":{\"name\":\"remote\",\"capabilitiesURL\":\"http://example.com/wms?\"}}");
        expect(201, "POST", "/workspaces/it/wmsstores/remote/wmslayers", JSON, "{\"wmsLayer\":{\"name\":\"states\",\"nativeName\":\"topp:states\"}}");
        expect(201, "POST", "/workspaces/it/wmtsstores", JSON, "{\"wmtsStore\":{\"name\":\"tiles\",\"capabilitiesURL\":\"http://example.com/wmts?\"}}");
        expect(201, "POST", "/workspaces/it/styles?name=itest-roads", SLD, STYLE);
        assertEquals(STYLE, get("/workspaces/it/styles/itest-roads.sld"));
        expect(201, "POST", "/layers/it:roads/styles?default=true", JSON, "{\"style\":{\"name\":\"itest-roads\",\"workspace\":{\"name\":\"it\"}}}");
        expect(201, "POST", "/workspaces/it/layergroups", JSON, "{\"layerGroup\":{\"name\":\"group\",\"publishables\":{\"published\":"
                + "[{\"@type\":\"layer\",\"name\":\"it:roads\"},{\"@type\":\"layer\",\"name\":\"it:dem\"}]},\"styles\":{\"style\":[\"\",\"\"]}}}");
        expect(201, "POST", "/layergroups", XML, "<layerGroup><name>global</name><layers><layer>it:roads</layer></layers></layerGroup>");
        expect(200, "PUT", "/settings/contact", JSON, "{\"contact\":{\"contactPerson\":\"itest\"}}");
        expect(201, "POST", "/workspaces/it/settings", JSON, "{\"settings\":{\"charset\":\"UTF-8\"}}");
        expect(200, "PUT", "/services/wms/settings", JSON, "{\"wms\":{\"title\":\"itest WMS\"}}");
        expect(200, "PUT", "/services/wfs/workspaces/it/settings", JSON, "{\"wfs\":{\"title\":\"it WFS\"}}");
        expect(200, "PUT", "/logging", XML, "<logging><level>PRODUCTION_LOGGING</level></logging>");
        expect(200, "POST", "/reset", null, null);
        expect(200, "POST", "/reload", null, null);

        assertEverything();
        node.stop(Duration.ofSeconds(60));
        node.start().awaitReady(Duration.ofSeconds(120));
        awaitApi();
        assertEverything();

        expect(403, "DELETE", "/workspaces/it", null, null);
        expect(200, "DELETE", "/layergroups/global", null, null);
        expect(200, "DELETE", "/workspaces/it?recurse=true", null, null);
        expect(200, "DELETE", "/namespaces/it2", null, null);
        assertTrue(get("/workspaces.json").equals("{\"workspaces\":\"\"}"));
    }

    /** What the test wrote, read back in both formats. */
    private static void assertEverything() {
        assertTrue(get("/workspaces.json").contains("\"name\":\"it\""));
        assertTrue(get("/workspaces/default.json").contains("\"name\":\"it\""));
        assertTrue(get("/namespaces/it2.json").contains("\"uri\":\"http://it2\""));
        assertTrue(get("/workspaces/it/datastores/ds.xml").contains("<entry key=\"host\">db</entry>"));
        assertTrue(get("/workspaces/it/featuretypes/roads.json").contains("\"name\":\"it:ds\""));
        assertTrue(get("/workspaces/it/coverages/dem.json").contains("\"@class\":\"coverageStore\""));
        assertTrue(get("/workspaces/it/wmslayers/states.json").contains("\"nativeName\":\"topp:states\""));
        assertTrue(get("/workspaces/it/wmtsstores/tiles.json").contains("\"capabilitiesURL\""));
        String layer = get("/layers/it:roads.json");
        assertTrue(layer, layer.contains("\"defaultStyle\":{\"name\":\"it:itest-roads\""));
        assertTrue(get("/layers/it:dem.json").contains("\"name\":\"raster\""));
        assertTrue(get("/workspaces/it/layers.json").contains("\"name\":\"roads\""));
        assertTrue(get("/workspaces/it/layergroups/group.json").contains("\"name\":\"it:dem\""));
        assertTrue(get("/layergroups/global.xml").contains("<name>it:roads</name>"));
        assertEquals(STYLE, get("/workspaces/it/styles/itest-roads.sld"));
        assertTrue(get("/settings/contact").contains("\"contactPerson\":\"itest\""));
        assertTrue(get("/workspaces/it/settings.json").contains("\"name\":\"it\""));
        assertTrue(get("/services/wms/settings.json").contains("\"title\":\"itest WMS\""));
        assertTrue(get("/services/wfs/workspaces/it/settings.json").contains("\"title\":\"it WFS\""));
        assertTrue(get("/logging.json").contains("PRODUCTION_LOGGING"));
    }
}
