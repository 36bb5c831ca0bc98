package org.geoserver.cluster.rest.api;

import java.util.Map;

/**
 * One request to a {@link RestResource}: {@code cluster/{resource}/{item}/{action}}.
 *
 * @param item the path segment after the resource's name, or null
 * @param action the path segment after the item, or null
 * @param parameters the query parameters
 * @param user the authenticated user, or null when reading needs no login
 */
public record RestCall(String item, String action, Map<String, String> parameters, String user) {

    public RestCall {
        parameters = Map.copyOf(parameters);
    }
}
