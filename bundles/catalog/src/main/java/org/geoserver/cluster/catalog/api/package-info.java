/**
 * GeoServer's catalog and configuration model: objects kept as their GeoServer XML with typed
 * accessors, the {@link org.geoserver.cluster.catalog.api.Catalog} service, change events and the
 * persistence hook.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geoserver.cluster.catalog.api;
