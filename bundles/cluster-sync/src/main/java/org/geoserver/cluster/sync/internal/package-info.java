/**
 * Receives digest and snapshot requests and node status from other nodes over the transport. Hands
 * on this node's digests and snapshots, resyncs from a peer when they differ, and the cluster's
 * status over REST.
 */
package org.geoserver.cluster.sync.internal;
