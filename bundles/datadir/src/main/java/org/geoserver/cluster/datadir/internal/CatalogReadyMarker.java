package org.geoserver.cluster.datadir.internal;

import org.geoserver.cluster.catalog.api.CatalogReady;
import org.osgi.service.component.annotations.Component;

/** Enabled by {@link DataDirectoryCatalogLoader} once the first load is over, so its service says the catalog is ready. */
@Component(service = CatalogReady.class, enabled = false)
public class CatalogReadyMarker implements CatalogReady {}
