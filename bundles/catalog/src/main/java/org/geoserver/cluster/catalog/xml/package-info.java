/** Reading and writing catalog objects in GeoServer's XML format (XStream, with an allow-list). */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.geoserver.cluster.catalog.xml;
