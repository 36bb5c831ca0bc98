package org.geoserver.cluster.management.internal;

/** The applier over JMX ({@code org.geoserver.cluster:type=Applier}): its counters and the events it keeps aside, to retry or discard. */
public interface ApplierMBean {

    long getApplied();

    long getSkipped();

    int getDeferred();

    int getFailed();

    long getDeferredTotal();

    long getFailedTotal();

    /** The kept events, one line each: id, kind, time, change and reason. */
    String[] getKeptEvents();

    /** Applies a kept event again; returns APPLIED, DEFERRED or FAILED. */
    String retry(String id) throws Exception;

    /** Retries every kept event, oldest first; returns one line per event. */
    String[] retryAll() throws Exception;

    /** Forgets a kept event without applying it; false when there is none with that id. */
    boolean discard(String id) throws Exception;
}
