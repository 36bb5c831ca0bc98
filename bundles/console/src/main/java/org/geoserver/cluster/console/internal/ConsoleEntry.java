package org.geoserver.cluster.console.internal;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The ways into the console. {@code /geoserver} and {@code /geoserver/} redirect to it, as
 * GeoServer's own root leads to its web interface; so does {@code /geoserver/web} without its
 * slash, whose relative links would miss the console's files. {@code /geoserver/web/} itself is the
 * page: the whiteboard's resources have no welcome file, and an exact pattern comes before theirs.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("geoserver-console")
@HttpWhiteboardServletPattern({"/geoserver", "/geoserver/", "/geoserver/web", ConsolePage.PATH})
public class ConsoleEntry extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (ConsolePage.PATH.equals(request.getServletPath())) {
            request.getRequestDispatcher(ConsolePage.PAGE).forward(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", ConsolePage.PATH);
    }
}
