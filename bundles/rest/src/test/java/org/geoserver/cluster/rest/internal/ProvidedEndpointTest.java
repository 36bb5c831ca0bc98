package org.geoserver.cluster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.junit.jupiter.api.Test;

class ProvidedEndpointTest {

    private static final Supplier<XmlElement> STATUS = () -> XmlElement.of("status", List.of(
            XmlElement.text("instanceName", "node-a"),
            XmlElement.of("peers", List.of(XmlElement.text("instanceName", "node-b"))),
            XmlElement.of("peers", List.of(XmlElement.text("instanceName", "node-c")))));

    @Test
    void aProvidedResourceIsServedInJsonAndXmlAndOnlyForGet() throws Exception {
        try (RestHarness rest = new RestHarness()) {
            assertEquals(404, rest.get("/cluster/status.json").status(), "nothing provides it yet");
            rest.servlet.addResource(STATUS, Map.of(RestServlet.RESOURCE_PROPERTY, "cluster/status"));
            RestHarness.Response json = rest.get("/cluster/status.json");
            assertEquals(200, json.status());
            assertTrue(json.body().startsWith("{\"status\":{\"instanceName\":\"node-a\",\"peers\":[{\"instanceName\":\"node-b\"}"), json.body());
            assertTrue(rest.get("/cluster/status.xml").body().contains("<peers>"));
            assertEquals(405, rest.delete("/cluster/status").status());
            rest.servlet.removeResource(STATUS, Map.of(RestServlet.RESOURCE_PROPERTY, "cluster/status"));
            assertEquals(404, rest.get("/cluster/status.json").status());
            assertEquals(404, rest.get("/cluster/other.json").status(), "only what is provided");
        }
    }
}
