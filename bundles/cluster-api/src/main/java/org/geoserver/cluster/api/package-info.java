/**
 * The cluster's event model and the small interfaces its bundles talk through: capture puts
 * {@link org.geoserver.cluster.api.ClusterEvent}s in an outbox, an
 * {@link org.geoserver.cluster.api.EventTransport} carries them, an
 * {@link org.geoserver.cluster.api.EventHandler} (the applier) applies them, and a
 * {@link org.geoserver.cluster.api.ReplicationLedger} remembers what was applied, in the
 * {@link org.geoserver.cluster.api.StateFolder}.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.geoserver.cluster.api;
