/**
 * The cluster's event model and the small interfaces its bundles talk through: capture puts
 * {@link org.geoserver.cluster.api.ClusterEvent}s in an outbox, an
 * {@link org.geoserver.cluster.api.EventTransport} carries them, an
 * {@link org.geoserver.cluster.api.EventHandler} (the applier) applies them, and a
 * {@link org.geoserver.cluster.api.ReplicationLedger} remembers what was applied, in the
 * {@link org.geoserver.cluster.api.StateFolder}. Each kind of replicated configuration is a
 * {@link org.geoserver.cluster.api.ReplicatedResource} service marked with its
 * {@link org.geoserver.cluster.api.ResourceKind}: the applier, the digest and the resync reach it
 * through that interface alone.
 */
@org.osgi.annotation.versioning.Version("2.2.0")
package org.geoserver.cluster.api;
