/**
 * Receives the node's operational services (kept events, counters, peers) and hands them on to
 * people and monitoring: REST resources under {@code /geoserver/rest/cluster/}.
 */
package org.geoserver.cluster.management.internal;
