/**
 * Receives the location of a GeoServer data directory and, later, the catalog's changes to write.
 * Hands the directory's objects on to the catalog at start-up, and writes each change back as
 * GeoServer's files.
 */
package org.geoserver.cluster.datadir.internal;
