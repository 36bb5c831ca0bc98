/** The embedded ActiveMQ broker of a node, as other bundles and tests see it. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geoserver.cluster.broker.api;
