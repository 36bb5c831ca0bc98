/**
 * Receives other nodes' events from the transport, as the node's EventHandler, and snapshots for a
 * resync. Hands them on in order to the replicated resource of their kind, records them in the
 * replication ledger, and keeps those it cannot apply yet or at all as deferred or failed events.
 */
package org.geoserver.cluster.applier.internal;
