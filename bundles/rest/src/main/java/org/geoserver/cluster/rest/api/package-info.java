/**
 * Resources other bundles add to the REST API under {@code /geoserver/rest/cluster/}: a
 * {@link org.geoserver.cluster.rest.api.RestResource} service marked with
 * {@link org.geoserver.cluster.rest.api.RestExtension}. The REST bundle authenticates each request,
 * authorizes it (GET needs the reader role, other methods the administrator role) and encodes the
 * answer in the format asked for.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.geoserver.cluster.rest.api;
