package org.geoserver.cluster.rest.internal;

import java.util.function.Function;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.Info;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests that need two catalog changes. */
final class Writes {

    private static final Logger LOG = LoggerFactory.getLogger(Writes.class);

    private Writes() {}

    /**
     * Adds {@code first}, then what {@code second} derives from the stored copy; if the second add is
     * refused the first is removed again, so that a failed request leaves the catalog as it was. (The
     * Catalog applies one change at a time; two changes are not one transaction, and other nodes see
     * both events.)
     */
    static <A extends Info> A addBoth(Catalog catalog, A first, Function<A, ? extends Info> second) {
        A added = catalog.add(first);
        try {
            catalog.add(second.apply(added));
        } catch (RuntimeException refused) {
            try {
                catalog.remove(added);
            } catch (RuntimeException undo) {
                LOG.error("Could not undo the addition of {} after {} was refused: {}", added, refused.getMessage(), undo.getMessage(), undo);
            }
            throw refused;
        }
        return added;
    }
}
