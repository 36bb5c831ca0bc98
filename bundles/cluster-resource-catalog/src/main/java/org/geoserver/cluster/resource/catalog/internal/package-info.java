/**
 * Receives catalog events from the applier, and snapshots' catalog objects from a resync. Hands
 * them on to the catalog as changes marked with their origin, and gives the catalog's objects and
 * digests to snapshots and to the digest exchange.
 */
package org.geoserver.cluster.resource.catalog.internal;
