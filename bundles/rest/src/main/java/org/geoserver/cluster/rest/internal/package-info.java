/**
 * Receives HTTP requests under /geoserver/rest, checks their login, size and body. Hands them on
 * as reads and changes of the catalog, or to the RestResource extensions registered by other
 * bundles.
 */
package org.geoserver.cluster.rest.internal;
