package org.geoserver.cluster.catalog.api;

/**
 * Registered once the {@link Catalog} holds the node's configuration (loaded from the data
 * directory at start-up). Components that must not see the catalog before that, such as the REST
 * API or the cluster's applier, reference it; the catalog service itself is there earlier, empty.
 */
public interface CatalogReady {}
