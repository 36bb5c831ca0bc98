package org.geoserver.cluster.rest.internal;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * /reload and /reset (POST or PUT, {@link GeoServerQuirks} 11): runs the tasks other bundles
 * registered for them (whiteboard: {@code Runnable} services with property
 * {@value RestServlet#TASK_PROPERTY}={@code reload|reset}). GeoServer's reset drops caches of store
 * connections and styles, and reload re-reads the data directory; a node without such caches or
 * without a data directory has nothing to do and answers 200 all the same, as clients expect.
 */
final class TaskEndpoint implements Endpoint {

    private final Supplier<Collection<Runnable>> tasks;

    TaskEndpoint(Supplier<Collection<Runnable>> tasks) {
        this.tasks = tasks;
    }

    @Override
    public Reply handle(RestRequest request) {
        if (!request.method().equals("POST") && !request.method().equals("PUT")) {
            throw RestException.methodNotAllowed(request.method(), request.path());
        }
        for (Runnable task : tasks.get()) {
            task.run();
        }
        return Reply.ok();
    }
}
