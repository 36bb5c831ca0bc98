/**
 * Receives the catalog's local changes, as one of its listeners, while this node is a master.
 * Hands each on to the outbox as a cluster event with its version time and origin.
 */
package org.geoserver.cluster.capture.internal;
