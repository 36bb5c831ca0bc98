package org.geoserver.cluster.catalog.api;

import java.util.Optional;

/** Reads the file a style names (its SLD or other body), where the data directory keeps it. */
public interface StyleFiles {

    /**
     * The style's file content, empty when it has none (yet) or the file is missing.
     *
     * @param catalog resolves the style's workspace (the writer does not depend on the catalog, which depends on it)
     */
    Optional<byte[]> read(StyleInfo style, Catalog catalog);
}
