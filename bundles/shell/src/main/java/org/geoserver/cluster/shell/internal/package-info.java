/**
 * Receives the cluster:* commands typed in Karaf's shell. Hands them on to the cluster's services:
 * status, master/slave toggles, resync, kept events.
 */
package org.geoserver.cluster.shell.internal;
