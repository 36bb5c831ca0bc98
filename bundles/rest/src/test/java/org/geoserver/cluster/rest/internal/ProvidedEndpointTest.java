package org.geoserver.cluster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.rest.api.RestAnswer;
import org.geoserver.cluster.rest.api.RestCall;
import org.geoserver.cluster.rest.api.RestExtension;
import org.geoserver.cluster.rest.api.RestRefusal;
import org.geoserver.cluster.rest.api.RestResource;
import org.junit.jupiter.api.Test;

class ProvidedEndpointTest {

    private static final RestResource STATUS = call -> new RestAnswer.Tree(XmlElement.of("status", List.of(
            XmlElement.text("instanceName", "node-a"),
            XmlElement.of("peers", List.of(XmlElement.text("instanceName", "node-b"))),
            XmlElement.of("peers", List.of(XmlElement.text("instanceName", "node-c"))))));

    /** The service properties DS hands the servlet for a resource marked {@code @RestExtension(resource = name)}. */
    static Map<String, Object> extension(String name) {
        return Map.of(RestExtension.RESOURCE_PROPERTY, name);
    }

    @Test
    void aProvidedResourceIsServedInJsonAndXmlAndOnlyForItsMethods() throws Exception {
        try (RestHarness rest = new RestHarness()) {
            assertEquals(404, rest.get("/cluster/status.json").status(), "nothing provides it yet");
            rest.servlet.addResource(STATUS, extension("status"));
            RestHarness.Response json = rest.get("/cluster/status.json");
            assertEquals(200, json.status());
            assertTrue(json.body().startsWith("{\"status\":{\"instanceName\":\"node-a\",\"peers\":[{\"instanceName\":\"node-b\"}"), json.body());
            assertTrue(rest.get("/cluster/status.xml").body().contains("<peers>"));
            assertEquals(405, rest.delete("/cluster/status").status());
            assertEquals(405, rest.post("/cluster/status", null, null).status());
            rest.servlet.removeResource(STATUS, extension("status"));
            assertEquals(404, rest.get("/cluster/status.json").status());
            assertEquals(404, rest.get("/cluster/other.json").status(), "only what is provided");
        }
    }

    @Test
    void itemsActionsTextAndRefusalsReachTheResource() throws Exception {
        List<RestCall> calls = new ArrayList<>();
        RestResource things = new RestResource() {
            @Override
            public RestAnswer get(RestCall call) {
                calls.add(call);
                if ("missing".equals(call.item())) {
                    throw RestRefusal.notFound("no thing missing");
                }
                return new RestAnswer.Text("text/plain; version=0.0.4", "things_total 2\n");
            }

            @Override
            public RestAnswer post(RestCall call) {
                calls.add(call);
                return new RestAnswer.Done(call.item() + " " + call.action() + " done");
            }
        };
        try (RestHarness rest = new RestHarness()) {
            rest.servlet.addResource(things, extension("things"));
            RestHarness.Response text = rest.get("/cluster/things");
            assertEquals("things_total 2\n", text.body());
            assertEquals("text/plain; version=0.0.4", text.header("Content-Type"));
            RestHarness.Response refused = rest.get("/cluster/things/missing");
            assertEquals(404, refused.status());
            assertEquals("no thing missing", refused.body());
            RestHarness.Response done = rest.post("/cluster/things/t1/retry?all=true", null, null);
            assertEquals(200, done.status());
            assertEquals("t1 retry done", done.body());
            RestCall last = calls.get(calls.size() - 1);
            assertEquals("true", last.parameters().get("all"));
            assertEquals("admin", last.user(), "the authenticated user");
        }
    }
}
