/**
 * Receives the catalog's committed changes, as its persistence, with the node each comes from.
 * Hands on to the data directory writer the local ones and, unless readOnly is enabled, the
 * applied ones.
 */
package org.geoserver.cluster.persistence.internal;
