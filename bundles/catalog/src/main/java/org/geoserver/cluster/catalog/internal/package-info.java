/**
 * Receives additions, changes and removals of catalog and configuration objects (REST, shell,
 * applier, loader) and checks them against the catalog's rules. Hands each committed change on to
 * the catalog's persistence and then to its listeners, capture among them.
 */
package org.geoserver.cluster.catalog.internal;
