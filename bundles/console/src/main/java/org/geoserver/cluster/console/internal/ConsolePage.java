package org.geoserver.cluster.console.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The console's files, {@code /web/*} of this bundle, at {@code /geoserver/web/*}. The service
 * object is only the whiteboard's marker: the web server reads the files from this bundle.
 */
@Component(service = ConsolePage.class)
@HttpWhiteboardResource(pattern = ConsolePage.PATTERN, prefix = ConsolePage.FOLDER)
public class ConsolePage {

    /** Where the console is served. */
    public static final String PATH = "/geoserver/web/";

    /** The console's page. */
    static final String PAGE = PATH + "index.html";

    static final String PATTERN = PATH + "*";

    /** The bundle's folder holding the page's files. */
    static final String FOLDER = "/web";
}
