package org.geoserver.cluster.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import javax.servlet.DispatcherType;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.DefaultServlet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.servlet.ServletMapping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ways into the console and the headers of its files, in a servlet container of the line Pax
 * Web 8 runs, mapped as the components' whiteboard properties map them; a default servlet on the
 * bundle's folder stands in for the whiteboard's resources.
 */
class ConsoleEntryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Server server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder files = new ServletHolder(new DefaultServlet());
        files.setInitParameter("resourceBase", ConsoleEntryTest.class.getResource(ConsolePage.FOLDER).toExternalForm());
        files.setInitParameter("pathInfoOnly", "true");
        files.setInitParameter("dirAllowed", "false");
        context.addServlet(files, ConsolePage.PATTERN);
        ServletHolder entry = new ServletHolder(new ConsoleEntry());
        context.getServletHandler().addServletWithMapping(entry, "/geoserver");
        for (String pattern : new String[] {"/geoserver/", "/geoserver/web", ConsolePage.PATH}) {
            context.getServletHandler().addServletMapping(mapping(entry, pattern));
        }
        context.addFilter(new FilterHolder(new ConsoleHeaders()), ConsolePage.PATTERN, EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static ServletMapping mapping(ServletHolder holder, String pattern) {
        ServletMapping mapping = new ServletMapping();
        mapping.setServletName(holder.getName());
        mapping.setPathSpec(pattern);
        return mapping;
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/geoserver", "/geoserver/", "/geoserver/web"})
    void geoserversRootLeadsToTheConsole(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        assertEquals(302, answer.statusCode());
        assertEquals(ConsolePage.PATH, answer.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theConsolesFolderIsItsPage() throws Exception {
        HttpResponse<String> answer = get(ConsolePage.PATH);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("<title>GeoServer Cluster console</title>"), answer.body());
        assertEquals(ConsoleHeaders.CONTENT_SECURITY_POLICY, answer.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void everyFileKeepsThePageToThisNode() throws Exception {
        HttpResponse<String> answer = get(ConsolePage.PATH + "console.js");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'self'"));
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }
}
