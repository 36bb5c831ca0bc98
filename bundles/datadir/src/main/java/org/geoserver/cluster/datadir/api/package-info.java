/** The GeoServer data directory of a node, and its writer for delegating persistence services. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geoserver.cluster.datadir.api;
