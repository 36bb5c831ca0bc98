package org.geoserver.cluster.api;

/** Counters of the transport since it started, for monitoring. */
public interface TransportStatistics {

    /** Events of this node the broker took. */
    long published();

    /** Events of other nodes received. */
    long received();

    /** Messages refused (malformed, unsigned or wrongly signed) and kept aside. */
    long rejected();
}
