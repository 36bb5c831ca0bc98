package org.geoserver.cluster.catalog.types;

/** What an upgrade may ask about other objects: the root element of the object with an id. */
@FunctionalInterface
public interface References {

    /** "layer", "layerGroup", ... or null when no object has this id. */
    String elementOf(String id);

    References NONE = id -> null;
}
