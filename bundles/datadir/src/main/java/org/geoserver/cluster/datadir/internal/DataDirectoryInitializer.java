package org.geoserver.cluster.datadir.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.geoserver.cluster.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an empty data directory what GeoServer writes into a new one: global settings, logging, the
 * WMS, WFS, WCS and WMTS services and the five default styles (point, line, polygon, raster,
 * generic) with their SLD files. The files are resources of this bundle, with fixed ids, so that
 * nodes initialised separately start with identical catalogs.
 */
final class DataDirectoryInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryInitializer.class);

    /** Bundle resources under {@code defaults/}, each written to the same relative path. */
    static final List<String> DEFAULT_FILES = List.of(
            "global.xml", "logging.xml", "wms.xml", "wfs.xml", "wcs.xml", "wmts.xml",
            "styles/point.xml", "styles/default_point.sld",
            "styles/line.xml", "styles/default_line.sld",
            "styles/polygon.xml", "styles/default_polygon.sld",
            "styles/raster.xml", "styles/raster.sld",
            "styles/generic.xml", "styles/generic.sld");

    private DataDirectoryInitializer() {}

    /**
     * Writes the default files when the folder is missing or empty; a folder holding anything is
     * left alone, since it is someone's data directory.
     *
     * @return true when it wrote the defaults
     */
    static boolean initializeIfEmpty(Path root) throws IOException {
        if (Files.exists(root) && !isEmptyFolder(root)) {
            return false;
        }
        for (String file : DEFAULT_FILES) {
            try (InputStream in = DataDirectoryInitializer.class.getResourceAsStream("defaults/" + file)) {
                if (in == null) {
                    throw new IOException("bundle resource defaults/" + file + " is missing: cannot initialise " + root);
                }
                AtomicFiles.write(root.resolve(file), in.readAllBytes());
            }
        }
        LOG.info("Initialised the empty data directory {} with GeoServer's default settings, services and styles", root);
        return true;
    }

    private static boolean isEmptyFolder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root + " (the data directory) is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            return !entries.iterator().hasNext();
        }
    }
}
