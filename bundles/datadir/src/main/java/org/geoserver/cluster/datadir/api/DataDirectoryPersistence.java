package org.geoserver.cluster.datadir.api;

import org.geoserver.cluster.catalog.api.CatalogPersistence;
import org.geoserver.cluster.catalog.api.StyleFiles;

/**
 * The writer of the data directory, also registered under this name (beside
 * {@link CatalogPersistence} with ranking 0 and {@link StyleFiles}) so that a higher-ranked
 * {@link CatalogPersistence}, e.g. the cluster's policy for changes from other nodes, can reference
 * it unambiguously and delegate to it without finding itself.
 */
public interface DataDirectoryPersistence extends CatalogPersistence, StyleFiles {}
