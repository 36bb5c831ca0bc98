package org.geoserver.cluster.catalog.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.geoserver.cluster.catalog.api.CatalogListener;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The catalog's listeners, each told in turn; a listener that fails is logged and does not stop the others. */
final class CatalogListeners {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogListeners.class);

    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();

    void add(CatalogListener listener) {
        listeners.add(listener);
    }

    void remove(CatalogListener listener) {
        listeners.remove(listener);
    }

    void changed(List<ChangeEvent> events) {
        for (ChangeEvent event : events) {
            for (CatalogListener listener : listeners) {
                try {
                    listener.changed(event);
                } catch (RuntimeException e) {
                    LOG.error("Catalog listener {} failed on {}: {}", listener, event, e.getMessage(), e);
                }
            }
        }
    }

    void flush() {
        for (CatalogListener listener : listeners) {
            try {
                listener.flush();
            } catch (RuntimeException e) {
                LOG.error("Catalog listener {} failed to make its changes durable: {}", listener, e.getMessage(), e);
            }
        }
    }

    void reloaded() {
        for (CatalogListener listener : listeners) {
            try {
                listener.reloaded();
            } catch (RuntimeException e) {
                LOG.error("Catalog listener {} failed on reload: {}", listener, e.getMessage(), e);
            }
        }
    }
}
