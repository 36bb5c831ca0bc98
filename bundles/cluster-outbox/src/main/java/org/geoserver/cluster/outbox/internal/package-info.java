/**
 * Receives the events capture hands it, each kept in a forced file before it is acknowledged.
 * Hands them on to the transport in order, and removes each only once the transport has taken it.
 */
package org.geoserver.cluster.outbox.internal;
