package org.geoserver.cluster.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * /about/version. Clients use it as the "server alive" probe and compare the first resource's
 * Version with the GeoServer release they expect: that is the GeoServer release whose REST API this
 * one follows ({@link GeoServerQuirks} 13). Our own component comes second.
 */
final class AboutEndpoint implements Endpoint {

    private final XmlElement about;

    AboutEndpoint() {
        Properties versions = new Properties();
        try (InputStream in = AboutEndpoint.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the REST bundle");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties of the REST bundle", e);
        }
        String built = versions.getProperty("build.timestamp");
        about = XmlElement.of("about", List.of(
                resource("GeoServer", versions.getProperty("geoserver.version"), built),
                resource("GeoServer Cluster", versions.getProperty("cluster.version"), built)));
    }

    private static XmlElement resource(String name, String version, String built) {
        return XmlElement.of("resource", List.of(XmlElement.text("Build-Timestamp", built), XmlElement.text("Version", version))).withAttribute("name", name);
    }

    @Override
    public Reply handle(RestRequest request) {
        if (!request.method().equals("GET")) {
            throw RestException.methodNotAllowed(request.method(), request.path());
        }
        return Reply.of(about, request.format());
    }
}
