package org.geoserver.cluster.api;

/** Counters of the applier, for status output. */
public interface ApplierStatus {

    /** Events applied since the node started. */
    long applied();

    /** Events skipped since the node started: repeated, or older than the object's version. */
    long skipped();

    /** Events waiting for objects they reference. */
    int deferred();

    /** Events that cannot be applied, kept for inspection. */
    int failed();
}
