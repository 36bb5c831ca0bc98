package org.geoserver.cluster.api;

/** Receives the {@link NodeStatus} other nodes publish ({@link EventTransport#subscribeStatus}). */
@FunctionalInterface
public interface StatusListener {

    void statusReceived(NodeStatus status);
}
