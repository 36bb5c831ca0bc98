package org.geoserver.cluster.persistence.internal;

import java.util.List;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogPersistence;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.datadir.api.DataDirectoryPersistence;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Stands in front of the data directory writer (ranked above it): local changes are always written;
 * changes applied from other nodes are written with a private data directory, and stay in memory
 * when the directory is shared with the node that already wrote them ({@code readOnly=enabled}).
 * Reads {@code readOnly} at every change, so toggling it applies at once.
 */
@Component(service = CatalogPersistence.class, property = Constants.SERVICE_RANKING + ":Integer=100")
public class ClusterPersistencePolicy implements CatalogPersistence {

    private final ClusterConfiguration configuration;
    private final DataDirectoryPersistence dataDirectory;

    @Activate
    public ClusterPersistencePolicy(@Reference ClusterConfiguration configuration, @Reference DataDirectoryPersistence dataDirectory) {
        this.configuration = configuration;
        this.dataDirectory = dataDirectory;
    }

    /** @param origin instance name of the node the change comes from, null for a local change */
    boolean writes(String origin) {
        return origin == null || !configuration.current().readOnly();
    }

    @Override
    public void sync() throws Exception {
        dataDirectory.sync();
    }

    @Override
    public void discard(List<ChangeEvent> events) {
        dataDirectory.discard(events);
    }

    @Override
    public void persist(List<ChangeEvent> changes, Catalog catalog) throws Exception {
        List<ChangeEvent> written = changes.stream().filter(change -> writes(change.origin())).toList();
        if (!written.isEmpty()) {
            dataDirectory.persist(written, catalog);
        }
    }
}
