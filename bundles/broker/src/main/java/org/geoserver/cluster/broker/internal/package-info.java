/**
 * Receives the embedded broker's configuration from Config Admin. Hands on a running ActiveMQ
 * broker, restarted with the previous settings when a new configuration is refused.
 */
package org.geoserver.cluster.broker.internal;
