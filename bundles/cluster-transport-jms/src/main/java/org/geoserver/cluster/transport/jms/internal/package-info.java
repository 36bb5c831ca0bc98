/**
 * Receives events, node status and requests from this node's publisher and sync services. Hands
 * them over ActiveMQ topics to the other nodes, and their events to this node's EventHandler.
 */
package org.geoserver.cluster.transport.jms.internal;
