/**
 * Durable file operations: a file is forced before it is renamed over its target, and the folder
 * holding the new name is synced, so that a crash or a power failure leaves the old or the new content.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geoserver.cluster.files;
