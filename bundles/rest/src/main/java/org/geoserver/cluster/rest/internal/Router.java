package org.geoserver.cluster.rest.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Matches request paths against route patterns such as {@code workspaces/{workspace}/datastores/{name}}; the first match wins. */
final class Router {

    /**
     * A matched route.
     *
     * @param pattern the route's pattern, as added
     * @param storeKind the kind of store a {@code {store}} variable names, or null
     */
    record Match(String pattern, Endpoint endpoint, Map<String, String> vars, StoreKind<?> storeKind) {}

    private record Route(String pattern, String[] parts, Endpoint endpoint, StoreKind<?> storeKind) {}

    private final List<Route> routes = new ArrayList<>();

    Router add(String pattern, Endpoint endpoint) {
        return add(pattern, endpoint, null);
    }

    Router add(String pattern, Endpoint endpoint, StoreKind<?> storeKind) {
        routes.add(new Route(pattern, pattern.split("/"), endpoint, storeKind));
        return this;
    }

    /** The first route matching the segments, or null. */
    Match match(List<String> segments) {
        for (Route route : routes) {
            if (route.parts().length != segments.size()) {
                continue;
            }
            Map<String, String> vars = new HashMap<>();
            boolean matches = true;
            for (int i = 0; i < route.parts().length && matches; i++) {
                String part = route.parts()[i];
                if (part.startsWith("{")) {
                    vars.put(part.substring(1, part.length() - 1), segments.get(i));
                } else {
                    matches = part.equals(segments.get(i));
                }
            }
            if (matches) {
                return new Match(route.pattern(), route.endpoint(), vars, route.storeKind());
            }
        }
        return null;
    }
}
