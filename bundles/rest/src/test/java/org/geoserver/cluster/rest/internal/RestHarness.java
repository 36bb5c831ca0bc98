package org.geoserver.cluster.rest.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.GeoServerInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.internal.CatalogImpl;

/**
 * The REST servlet in an embedded Jetty (the servlet container Pax Web runs) over a real catalog,
 * reached over HTTP on a free loopback port, without Karaf. Style files are kept in memory from the
 * changes that carry them, as the data directory would write them. Users: admin/geoserver (role
 * admin) and reader/reader (role viewer).
 */
final class RestHarness implements AutoCloseable {

    static final String ADMIN = "admin:geoserver";
    static final String READER = "reader:reader";

    /** An HTTP answer. */
    record Response(int status, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final CatalogImpl catalogImpl = new CatalogImpl();
    /** Files by style id, as written with the changes. */
    final Map<String, byte[]> styleFiles = new ConcurrentHashMap<>();
    final Catalog catalog = recordingStyleFiles(catalogImpl);
    final RestServlet servlet;
    private final Server server;
    private final HttpClient http = HttpClient.newHttpClient();
    final String base;

    RestHarness() throws Exception {
        this("admin");
    }

    /** @param readRole the role GET needs ("" for none) */
    RestHarness(String readRole) throws Exception {
        this(readRole, BodyLimits.DEFAULTS);
    }

    /**
     * @param readRole the role GET needs ("" for none)
     * @param limits what a request body may hold
     */
    RestHarness(String readRole, BodyLimits limits) throws Exception {
        Authenticator users = (user, password) -> switch (user + ":" + password) {
            case ADMIN -> Set.of("admin");
            case READER -> Set.of("viewer");
            default -> null;
        };
        servlet = new RestServlet(catalog, new Access(users, "admin", readRole), limits);
        servlet.setStyleFiles((style, resolver) -> Optional.ofNullable(styleFiles.get(style.getId())));
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), "/geoserver/rest/*");
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/geoserver/rest";
    }

    /**
     * What a new GeoServer data directory holds (and this project's data directory writes into an
     * empty one): global settings and the five default styles.
     */
    RestHarness withDefaults() {
        GeoServerInfo global = catalog.getGlobal();
        global.setXml(global.xml().withChild("settings", XmlElement.of("settings", List.of(
                XmlElement.of("contact"), XmlElement.text("charset", "UTF-8"), XmlElement.text("numDecimals", "8"),
                XmlElement.text("verbose", "false"), XmlElement.text("verboseExceptions", "false")))));
        catalog.save(global);
        for (String name : List.of("point", "line", "polygon", "raster", "generic")) {
            StyleInfo style = new StyleInfo();
            style.setName(name);
            style.setFilename("default_" + name + ".sld");
            catalog.apply(Change.add(style).withStyleBody(sld(name).getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    static String sld(String styleName) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
                + "<NamedLayer><Name>layer</Name><UserStyle><Name>" + styleName + "</Name><FeatureTypeStyle><Rule>"
                + "<PointSymbolizer/></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>\n";
    }

    Response get(String path) {
        return send("GET", path, null, null, ADMIN, null);
    }

    Response get(String path, String accept) {
        return send("GET", path, null, null, ADMIN, accept);
    }

    Response post(String path, String contentType, String body) {
        return send("POST", path, contentType, body, ADMIN, null);
    }

    Response put(String path, String contentType, String body) {
        return send("PUT", path, contentType, body, ADMIN, null);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null, ADMIN, null);
    }

    /** @param credentials user:password, or null for none */
    Response send(String method, String path, String contentType, String body, String credentials, String accept) {
        return exchange(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), credentials, accept);
    }

    /** As the administrator; {@code chunked}: without a Content-Length, as a client streaming its body sends it. */
    Response send(String method, String path, String contentType, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return exchange(method, path, contentType, publisher, ADMIN, null);
    }

    private Response exchange(String method, String path, String contentType, HttpRequest.BodyPublisher body, String credentials, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * The catalog with every change that carries a style file recorded in {@link #styleFiles} (and a
     * purge removing it), through the public API only: the default methods (add, save, remove) run on
     * the proxy, so they pass through {@code apply}.
     */
    private Catalog recordingStyleFiles(Catalog target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                Object result = method.invoke(target, args);
                if (method.getName().equals("apply")) {
                    @SuppressWarnings("unchecked")
                    List<ChangeEvent> events = (List<ChangeEvent>) result;
                    for (ChangeEvent event : events) {
                        if (event.styleBody() != null) {
                            styleFiles.put(event.info().getId(), event.styleBody());
                        }
                        if (event.purge()) {
                            styleFiles.remove(event.info().getId());
                        }
                    }
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class}, handler);
    }
}
