package org.geoserver.cluster.catalog.api;

/**
 * The configuration's update sequence as this node serves it ({@code updateSequence} of
 * {@code GET /rest/settings}), in place of the one stored in {@code global.xml}. A bundle that
 * knows better than the stored value registers it, e.g. the cluster, whose nodes must agree on it;
 * without such a service the stored value is served.
 */
public interface UpdateSequence {

    /** The current value: never smaller than a value returned before on this node. */
    long current();
}
