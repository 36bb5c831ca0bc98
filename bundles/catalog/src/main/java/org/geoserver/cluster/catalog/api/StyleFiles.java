package org.geoserver.cluster.catalog.api;

import java.util.Optional;

/** Reads the file a style names (its SLD or other body), where the data directory keeps it. */
public interface StyleFiles {

    /** The style's file content, empty when it has none (yet) or the file is missing. */
    Optional<byte[]> read(StyleInfo style);
}
