/**
 * Receives the cluster's configuration from Config Admin (org.geoserver.cluster,
 * org.geoserver.cluster.state). Hands on the services every cluster bundle relies on:
 * configuration, state folder, replication ledger, node clock.
 */
package org.geoserver.cluster.core.internal;
