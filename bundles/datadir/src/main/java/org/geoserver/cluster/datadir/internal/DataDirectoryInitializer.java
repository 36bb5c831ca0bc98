package org.geoserver.cluster.datadir.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an empty data directory what GeoServer writes into a new one: global settings, logging, the
 * WMS, WFS, WCS and WMTS services and the five default styles (point, line, polygon, raster,
 * generic) with their SLD files. The files are resources of this bundle, with fixed ids, so that
 * nodes initialised separately start with identical catalogs. A data directory lacking a service
 * file gets that service's defaults in memory.
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

    /** The services GeoServer runs, each of which it gives its defaults when its file is missing. */
    static final List<String> SERVICES = List.of("wms", "wfs", "wcs", "wmts");

    private DataDirectoryInitializer() {}

    /**
     * GeoServer's defaults for every service it runs that has no global file among the loaded
     * objects, from the same bundle resources as a new data directory (fixed ids, so every node
     * makes the same). They live in memory: the file is written when the service is changed.
     */
    static List<ServiceInfo> missingServices(List<Info> loaded, InfoXml xml) throws IOException {
        Set<String> present = new HashSet<>();
        for (Info info : loaded) {
            if (info instanceof ServiceInfo service && service.getWorkspace() == null) {
                present.add(service.getServiceType());
            }
        }
        List<ServiceInfo> created = new ArrayList<>();
        for (String service : SERVICES) {
            if (!present.contains(service)) {
                created.add(xml.read(new String(resource(service + ".xml"), StandardCharsets.UTF_8), ServiceInfo.class));
            }
        }
        return created;
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = DataDirectoryInitializer.class.getResourceAsStream("defaults/" + file)) {
            if (in == null) {
                throw new IOException("bundle resource defaults/" + file + " is missing");
            }
            return in.readAllBytes();
        }
    }

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
            byte[] content;
            try {
                content = resource(file);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + ": cannot initialise " + root, e);
            }
            AtomicFiles.write(root.resolve(file), content);
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
