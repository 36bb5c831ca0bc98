package org.geoserver.cluster.transport.jms.internal;

/** A part that works on the broker link while there is one; the connector calls it on its own thread only. */
interface LinkUser {

    /** The link is new, or what the part depends on changed: start or stop working on it. */
    void update(BrokerLink link);

    /** The link is about to close: stop working on it, silently. */
    void release();
}
