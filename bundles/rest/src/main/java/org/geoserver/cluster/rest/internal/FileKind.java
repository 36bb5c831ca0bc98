package org.geoserver.cluster.rest.internal;

/**
 * A type whose objects also have a file in a format of its own (a style's SLD): created, replaced
 * and read in that format besides the XML or JSON of the catalog entry.
 */
interface FileKind<T> {

    /** True when the request body is the file rather than the catalog entry. */
    boolean isFileBody(RestRequest request);

    /** Creates an object from its file (POST). */
    T createFromFile(Scope scope, RestRequest request);

    /** Replaces the file of an object (PUT). */
    void updateFromFile(T info, RestRequest request);

    /** The object's file (GET with the file's suffix or media type). */
    Reply readFile(T info, RestRequest request);
}
