/**
 * GeoServer's catalog and configuration model: objects kept as their GeoServer XML with typed
 * accessors, the {@link org.geoserver.cluster.catalog.api.Catalog} service, change events, the
 * persistence hook and the {@link org.geoserver.cluster.catalog.api.UpdateSequence} a node serves.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.geoserver.cluster.catalog.api;
