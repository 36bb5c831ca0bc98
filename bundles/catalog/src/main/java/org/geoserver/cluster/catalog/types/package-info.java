/**
 * One declarative description of GeoServer's object types ({@link org.geoserver.cluster.catalog.types.GeoServerTypes}):
 * per type and property its value type, GeoServer's default and the upgrades GeoServer applies to
 * older forms. The catalog presents every object through it and refuses wrong values with it.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geoserver.cluster.catalog.types;
