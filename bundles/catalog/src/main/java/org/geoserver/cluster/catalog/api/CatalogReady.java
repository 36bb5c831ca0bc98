package org.geoserver.cluster.catalog.api;

/**
 * The catalog holds the node's configuration (loaded from the data directory at start-up): the
 * loader then registers an OSGi condition, an {@code org.osgi.service.condition.Condition} service
 * with {@code osgi.condition.id} {@value #CONDITION_ID}. Components that must not see the catalog
 * before that, such as the REST API or the cluster's applier, reference it with {@link #TARGET};
 * the catalog service itself is there earlier, empty.
 */
public final class CatalogReady {

    public static final String CONDITION_ID = "org.geoserver.cluster.catalog.ready";

    /** The target of a reference to the condition. */
    public static final String TARGET = "(osgi.condition.id=" + CONDITION_ID + ")";

    private CatalogReady() {}
}
