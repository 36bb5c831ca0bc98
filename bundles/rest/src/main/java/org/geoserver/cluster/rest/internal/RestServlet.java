package org.geoserver.cluster.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogReady;
import org.osgi.service.condition.Condition;
import org.osgi.service.http.context.ServletContextHelper;
import org.geoserver.cluster.catalog.api.StyleFiles;
import org.geoserver.cluster.catalog.api.UpdateSequence;
import org.geoserver.cluster.rest.api.RestExtension;
import org.geoserver.cluster.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * GeoServer's REST configuration API at /geoserver/rest on the node's HTTP port, as a whiteboard
 * servlet. Checks HTTP Basic credentials against the JAAS realm and the roles of {@link RestConfig},
 * then hands the request to {@link RestApi}; every change goes through the {@link Catalog} service,
 * so persistence and the cluster see it.
 */
@Component(
        service = Servlet.class,
        configurationPid = RestServlet.PID,
        property = {"osgi.http.whiteboard.servlet.pattern=/geoserver/rest/*", "osgi.http.whiteboard.servlet.name=geoserver-rest"})
@Designate(ocd = RestConfig.class)
public class RestServlet extends HttpServlet {

    /** Config Admin PID, file etc/org.geoserver.cluster.rest.cfg. */
    public static final String PID = "org.geoserver.cluster.rest";

    /** Service property of the Runnable services /reload and /reset run: the task's name. */
    public static final String TASK_PROPERTY = "org.geoserver.cluster.rest.task";

    private static final long serialVersionUID = 1L;
    private static final String CHALLENGE = "Basic realm=\"GeoServer Realm\"";

    private final transient RestApi api;
    private final transient Map<Runnable, String> tasks = new ConcurrentHashMap<>();
    private final transient Map<String, RestResource> resources = new ConcurrentHashMap<>();
    private transient volatile Access access;
    private transient volatile BodyLimits limits;
    private transient volatile StyleFiles styleFiles;
    private transient volatile UpdateSequence updateSequence;

    /**
     * @param catalogReady the API answers once the catalog is loaded, never with a half-started node's empty one
     * @param defaultContext the whiteboard's default context: a servlet registered before it is there may never be served (pax-web 8)
     */
    @Activate
    public RestServlet(@Reference Catalog catalog, @Reference(target = CatalogReady.TARGET) Condition catalogReady,
            @Reference(target = "(osgi.http.whiteboard.context.name=default)") ServletContextHelper defaultContext, RestConfig config) {
        this(catalog, Access.from(config), BodyLimits.from(config));
    }

    RestServlet(Catalog catalog, Access access) {
        this(catalog, access, BodyLimits.DEFAULTS);
    }

    RestServlet(Catalog catalog, Access access, BodyLimits limits) {
        this.access = access;
        this.limits = limits;
        this.api = new RestApi(catalog, () -> styleFiles, this::tasksNamed, resources::get, () -> updateSequence);
    }

    @Modified
    void modified(RestConfig config) {
        access = Access.from(config);
        limits = BodyLimits.from(config);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setStyleFiles(StyleFiles files) {
        styleFiles = files;
    }

    void unsetStyleFiles(StyleFiles files) {
        if (styleFiles == files) {
            styleFiles = null;
        }
    }

    /** Optional: without it (a node without the cluster) GET /settings shows the stored update sequence. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setUpdateSequence(UpdateSequence sequence) {
        updateSequence = sequence;
    }

    void unsetUpdateSequence(UpdateSequence sequence) {
        if (updateSequence == sequence) {
            updateSequence = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = "(" + TASK_PROPERTY + "=*)")
    void addTask(Runnable task, Map<String, Object> properties) {
        tasks.put(task, String.valueOf(properties.get(TASK_PROPERTY)));
    }

    void removeTask(Runnable task) {
        tasks.remove(task);
    }

    /** A bind method takes no component property type (DS 1.4): the properties' map, with the key the type gives. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = "(" + RestExtension.RESOURCE_PROPERTY + "=*)")
    void addResource(RestResource resource, Map<String, Object> properties) {
        resources.put(String.valueOf(properties.get(RestExtension.RESOURCE_PROPERTY)), resource);
    }

    void removeResource(RestResource resource, Map<String, Object> properties) {
        resources.remove(String.valueOf(properties.get(RestExtension.RESOURCE_PROPERTY)), resource);
    }

    private Collection<Runnable> tasksNamed(String name) {
        return tasks.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).toList();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Reply refusal = authorize(request);
        Reply reply = refusal != null ? refusal : api.serve(request, limits);
        if (!limits.discardUnread(request.getInputStream(), request.getContentLengthLong())) {
            response.setHeader("Connection", "close");
        }
        write(reply, response);
    }

    /** Null when the request may go on, else the 401 or 403 answer. */
    private Reply authorize(HttpServletRequest request) {
        Access current = access;
        String required = current.requiredRole(request.getMethod());
        if (required.isEmpty()) {
            return null;
        }
        List<String> credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null) {
            return Reply.error(HttpServletResponse.SC_UNAUTHORIZED, "Authentication required: send HTTP Basic credentials");
        }
        Set<String> roles = current.authenticator().roles(credentials.get(0), credentials.get(1));
        if (roles == null) {
            return Reply.error(HttpServletResponse.SC_UNAUTHORIZED, "Wrong user name or password for user '" + credentials.get(0) + "'");
        }
        if (!current.permits(roles, required)) {
            return Reply.error(HttpServletResponse.SC_FORBIDDEN,
                    "User '" + credentials.get(0) + "' may not " + request.getMethod() + " " + request.getPathInfo() + ": role '" + required + "' needed");
        }
        request.setAttribute(RestRequest.USER_ATTRIBUTE, credentials.get(0));
        return null;
    }

    /** [user, password] from a Basic Authorization header, or null when there is none or it is malformed. */
    static List<String> basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : List.of(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static void write(Reply reply, HttpServletResponse response) throws IOException {
        response.setStatus(reply.status());
        if (reply.status() == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        if (reply.location() != null) {
            response.setHeader("Location", reply.location());
        }
        if (reply.contentType() != null) {
            response.setContentType(reply.contentType());
        }
        response.setContentLength(reply.body().length);
        response.getOutputStream().write(reply.body());
    }
}
