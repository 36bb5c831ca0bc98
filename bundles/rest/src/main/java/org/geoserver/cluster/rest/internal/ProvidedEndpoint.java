package org.geoserver.cluster.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.cluster.rest.api.RestAnswer;
import org.geoserver.cluster.rest.api.RestCall;
import org.geoserver.cluster.rest.api.RestRefusal;
import org.geoserver.cluster.rest.api.RestResource;

/**
 * The resources other bundles provide under {@code cluster/} (whiteboard: {@link RestResource}
 * services), e.g. the cluster's {@code cluster/status}: each request handed to the resource its
 * path names, its answer encoded as the request asks.
 */
final class ProvidedEndpoint implements Endpoint {

    private final Function<String, RestResource> providers;

    ProvidedEndpoint(Function<String, RestResource> providers) {
        this.providers = providers;
    }

    @Override
    public Reply handle(RestRequest request) {
        String name = request.var("resource");
        RestResource resource = providers.apply(name);
        if (resource == null) {
            throw new RestException(HttpServletResponse.SC_NOT_FOUND, "No service provides cluster/" + name + " on this node");
        }
        RestCall call = new RestCall(request.var("item"), request.var("action"), request.params(), request.user());
        RestAnswer answer;
        try {
            answer = switch (request.method()) {
                case "GET" -> resource.get(call);
                case "POST" -> resource.post(call);
                case "DELETE" -> resource.delete(call);
                default -> throw RestException.methodNotAllowed(request.method(), request.path());
            };
        } catch (RestRefusal e) {
            throw new RestException(e.status(), e.getMessage());
        }
        if (answer instanceof RestAnswer.Tree tree) {
            return Reply.of(tree.element(), request.format());
        }
        if (answer instanceof RestAnswer.Text text) {
            return Reply.file(text.text().getBytes(StandardCharsets.UTF_8), text.mediaType());
        }
        return Reply.message(((RestAnswer.Done) answer).message());
    }
}
