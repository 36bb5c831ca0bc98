package org.geoserver.cluster.rest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleFiles;
import org.geoserver.cluster.catalog.api.UpdateSequence;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.rest.api.RestResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GeoServer's REST configuration API over a {@link Catalog}, independent of authentication and of
 * the servlet container: the route table, path and format parsing, the parents a URL names, and the
 * mapping of every refusal to GeoServer's status codes and one-line messages. Thread-safe.
 */
final class RestApi {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    private final AttributedCatalog catalog;
    private final Kinds kinds;
    private final Router router = new Router();

    /**
     * @param target the catalog; each change made through the API carries the request's user
     * @param styleFiles supplies the service reading style files, or null while there is none
     * @param tasks supplies the tasks registered for a task name ("reload", "reset")
     * @param provided supplies the resource another bundle provides under cluster/ by name, or null
     * @param updateSequence supplies the service giving the update sequence, or null while there is none (the stored one is shown)
     */
    RestApi(Catalog target, Supplier<StyleFiles> styleFiles, Function<String, Collection<Runnable>> tasks,
            Function<String, RestResource> provided, Supplier<UpdateSequence> updateSequence) {
        this.catalog = new AttributedCatalog(target);
        this.kinds = new Kinds(catalog, styleFiles);
        References references = new References(catalog, kinds);
        router.add("about/version", new AboutEndpoint());
        router.add("reload", new TaskEndpoint(() -> tasks.apply("reload")));
        router.add("reset", new TaskEndpoint(() -> tasks.apply("reset")));
        ProvidedEndpoint providedResources = new ProvidedEndpoint(provided);
        router.add("cluster/{resource}", providedResources);
        router.add("cluster/{resource}/{item}", providedResources);
        router.add("cluster/{resource}/{item}/{action}", providedResources);
        router.add("workspaces/default", new DefaultEndpoint(catalog, references, kinds.workspaces));
        router.add("namespaces/default", new DefaultEndpoint(catalog, references, kinds.namespaces));
        catalogRoutes("", kinds.workspaces, references);
        catalogRoutes("", kinds.namespaces, references);
        for (StoreKind<?> stores : kinds.stores) {
            catalogRoutes("workspaces/{workspace}/", stores, references);
        }
        for (ResourceKind<?> resources : kinds.resources) {
            String inStore = "workspaces/{workspace}/" + resources.storeKind().segment() + "/{store}/" + resources.segment();
            router.add(inStore, new CatalogEndpoint<>(catalog, references, resources, false), resources.storeKind());
            router.add(inStore + "/{name}", new CatalogEndpoint<>(catalog, references, resources, true), resources.storeKind());
            router.add("workspaces/{workspace}/" + resources.workspaceSegment(), new CatalogEndpoint<>(catalog, references, resources, false));
            router.add("workspaces/{workspace}/" + resources.workspaceSegment() + "/{name}", new CatalogEndpoint<>(catalog, references, resources, true));
        }
        router.add("layers/{layer}/styles", new LayerStylesEndpoint(catalog, kinds, references));
        for (Kind<?> scoped : List.of(kinds.layers, kinds.layerGroups, kinds.styles)) {
            catalogRoutes("", scoped, references);
            catalogRoutes("workspaces/{workspace}/", scoped, references);
        }
        configRoutes(references, updateSequence);
    }

    private void catalogRoutes(String parent, Kind<?> kind, References references) {
        router.add(parent + kind.segment(), new CatalogEndpoint<>(catalog, references, kind, false));
        router.add(parent + kind.segment() + "/{name}", new CatalogEndpoint<>(catalog, references, kind, true));
    }

    private void configRoutes(References references, Supplier<UpdateSequence> updateSequence) {
        router.add("settings", new ConfigEndpoint(catalog, references, new ConfigEndpoint.Target(
                r -> "global settings", r -> "global", r -> catalog.getGlobal(), null, null, List.of(),
                shown -> GeoServerQuirks.showUpdateSequence(shown, updateSequence.get()), GeoServerQuirks::withoutServerOwned)));
        router.add("settings/contact", new ConfigEndpoint(catalog, references, new ConfigEndpoint.Target(
                r -> "contact", r -> "contact", r -> catalog.getGlobal(), null, null, List.of("settings", "contact"))));
        router.add("logging", new ConfigEndpoint(catalog, references, new ConfigEndpoint.Target(
                r -> "logging settings", r -> "logging", r -> catalog.getLogging(), null, null, List.of())));
        router.add("workspaces/{workspace}/settings", new ConfigEndpoint(catalog, references, new ConfigEndpoint.Target(
                r -> "settings of workspace '" + r.scope().workspaceName() + "'",
                r -> "settings",
                r -> catalog.getSettings(r.scope().workspaceId()),
                r -> new SettingsInfo(),
                (info, r) -> ((SettingsInfo) info).setWorkspace(r.scope().workspace()),
                List.of())));
        ConfigEndpoint services = new ConfigEndpoint(catalog, references, new ConfigEndpoint.Target(
                r -> r.var("service") + " settings" + (r.scope().isGlobal() ? "" : " of workspace '" + r.scope().workspaceName() + "'"),
                r -> r.var("service"),
                r -> catalog.getService(r.var("service"), r.scope().workspaceId()),
                r -> ServiceInfo.of(r.var("service")),
                (info, r) -> ((ServiceInfo) info).setWorkspace(r.scope().workspaceId()),
                List.of()));
        router.add("services/{service}/settings", services);
        router.add("services/{service}/workspaces/{workspace}/settings", services);
    }

    /** Answers one request with the default body limits. */
    Reply serve(HttpServletRequest http) {
        return serve(http, BodyLimits.DEFAULTS);
    }

    /** Answers one request; every failure becomes GeoServer's status code and a one-line text message. */
    Reply serve(HttpServletRequest http, BodyLimits limits) {
        String method = http.getMethod();
        try {
            return catalog.as((String) http.getAttribute(RestRequest.USER_ATTRIBUTE), () -> route(http, limits));
        } catch (RestException e) {
            return refuse(e.status(), e.getMessage(), method, http);
        } catch (CatalogException e) {
            return refuse(status(e.reason()), e.getMessage(), method, http);
        } catch (RuntimeException e) {
            LOG.error("REST {} {} failed: {}", method, http.getPathInfo(), e.getMessage(), e);
            return Reply.error(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, oneLine("Internal error: " + e));
        }
    }

    private Reply route(HttpServletRequest http, BodyLimits limits) {
        List<String> segments = new ArrayList<>();
        for (String segment : (http.getPathInfo() == null ? "" : http.getPathInfo()).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        Format format = Format.ofAccept(http.getHeader("Accept"));
        if (!segments.isEmpty()) {
            // Only a known format suffix is one: "it.geosolutions" is a name, "it.geosolutions.json" a name and a format.
            String last = segments.get(segments.size() - 1);
            int dot = last.lastIndexOf('.');
            Format suffix = dot > 0 ? Format.ofSuffix(last.substring(dot + 1)) : null;
            if (suffix != null) {
                format = suffix;
                segments.set(segments.size() - 1, last.substring(0, dot));
            }
        }
        String path = "/" + String.join("/", segments.stream().map(Links::segment).toList());
        RestRequest request = new RestRequest(http, path, format, new Links(baseUrl(http), format), limits);
        Router.Match match = router.match(segments);
        if (match == null) {
            throw RestException.notFound("No such resource: " + path);
        }
        XmlElement emptyList = GeoServerQuirks.emptyListWithoutWorkspace(match.pattern(), http.getMethod());
        if (emptyList != null && catalog.getWorkspaceByName(match.vars().get("workspace")) == null) {
            return Reply.of(emptyList, format);
        }
        request.bind(match.vars(), scope(match));
        return match.endpoint().handle(request);
    }

    /** The workspace and store a URL names, which must exist (else 404, whatever the method). */
    private Scope scope(Router.Match match) {
        Map<String, String> vars = match.vars();
        String service = vars.get("service");
        if (service != null && !InfoType.SERVICE_ELEMENTS.contains(service)) {
            throw RestException.noSuch("service", service, " (known: " + String.join(", ", InfoType.SERVICE_ELEMENTS) + ")");
        }
        String workspaceName = vars.get("workspace");
        if (workspaceName == null) {
            return Scope.GLOBAL;
        }
        WorkspaceInfo workspace = catalog.getWorkspaceByName(workspaceName);
        if (workspace == null) {
            throw RestException.noSuch("workspace", workspaceName, "");
        }
        String storeName = vars.get("store");
        if (storeName == null) {
            return new Scope(workspace, null);
        }
        StoreInfo store = match.storeKind().lookup(workspaceName, storeName);
        if (store == null) {
            throw RestException.noSuch(match.storeKind().label(), storeName, " in workspace '" + workspaceName + "'");
        }
        return new Scope(workspace, store);
    }

    /**
     * The API's URL: under the configured proxy base URL when there is one (GeoServer's
     * proxyBaseUrl names the /geoserver root), else as the client reached this node.
     */
    private String baseUrl(HttpServletRequest http) {
        XmlElement settings = catalog.getGlobal().getSettings();
        String proxy = settings == null ? null : settings.childText("proxyBaseUrl");
        if (proxy != null && !proxy.isBlank()) {
            String root = proxy.trim();
            return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/rest";
        }
        int port = http.getServerPort();
        boolean defaultPort = port <= 0 || (port == 80 && "http".equals(http.getScheme())) || (port == 443 && "https".equals(http.getScheme()));
        return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + port) + http.getContextPath() + http.getServletPath();
    }

    private static int status(CatalogException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case DUPLICATE -> HttpServletResponse.SC_CONFLICT;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
            case IN_USE -> HttpServletResponse.SC_FORBIDDEN;
            case PERSISTENCE -> HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        };
    }

    private static Reply refuse(int status, String message, String method, HttpServletRequest http) {
        if (status >= 500) {
            LOG.error("REST {} {}: {}", method, http.getPathInfo(), message);
        } else {
            LOG.debug("REST {} {} refused with {}: {}", method, http.getPathInfo(), status, message);
        }
        return Reply.error(status, oneLine(message));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }
}
