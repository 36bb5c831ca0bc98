package org.geoserver.cluster.rest.internal;

/** Serves the requests of one route. Unsupported methods answer 405. */
interface Endpoint {

    Reply handle(RestRequest request);
}
