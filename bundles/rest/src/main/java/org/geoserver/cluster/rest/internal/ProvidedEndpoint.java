package org.geoserver.cluster.rest.internal;

import java.util.function.Function;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * A read-only resource another bundle provides (whiteboard: a {@code Supplier<XmlElement>} service
 * with property {@value RestServlet#RESOURCE_PROPERTY} = its path), under {@code cluster/}: the
 * cluster's {@code cluster/status} and {@code cluster/applier}. Served in XML or JSON like every
 * other resource.
 */
final class ProvidedEndpoint implements Endpoint {

    private final Function<String, Supplier<XmlElement>> providers;

    ProvidedEndpoint(Function<String, Supplier<XmlElement>> providers) {
        this.providers = providers;
    }

    @Override
    public Reply handle(RestRequest request) {
        if (!request.method().equals("GET")) {
            throw RestException.methodNotAllowed(request.method(), request.path());
        }
        String path = "cluster/" + request.var("resource");
        Supplier<XmlElement> provider = providers.apply(path);
        if (provider == null) {
            throw new RestException(HttpServletResponse.SC_NOT_FOUND, "No service provides " + path + " on this node");
        }
        return Reply.of(provider.get(), request.format());
    }
}
