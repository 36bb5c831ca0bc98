/**
 * The operations web console: its page (HTML, CSS, JavaScript in the bundle's {@code /web} folder)
 * served as HTTP whiteboard resources at {@code /geoserver/web/}, the redirect of {@code /geoserver}
 * to it, and the headers that keep the page to its own files. Everything the page shows it reads
 * from the node's REST API, with the credentials the user types in.
 */
package org.geoserver.cluster.console.internal;
