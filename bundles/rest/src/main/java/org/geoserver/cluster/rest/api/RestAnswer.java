package org.geoserver.cluster.rest.api;

import org.geoserver.cluster.catalog.api.XmlElement;

/** What a {@link RestResource} answers (status 200). */
public sealed interface RestAnswer {

    /** An element, encoded as XML, JSON or HTML as the request asks ({@code .json}, {@code Accept}). */
    record Tree(XmlElement element) implements RestAnswer {}

    /** Text in a media type of its own, e.g. Prometheus' {@code text/plain; version=0.0.4}. */
    record Text(String mediaType, String text) implements RestAnswer {}

    /** An action done, with a one-line message for people. */
    record Done(String message) implements RestAnswer {}
}
