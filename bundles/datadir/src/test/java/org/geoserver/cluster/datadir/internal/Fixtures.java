package org.geoserver.cluster.datadir.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.catalog.testing.FixtureDirectories;
import org.geoserver.cluster.catalog.xml.InfoXml;

/**
 * The fixture data directories ({@link FixtureDirectories}: read-only, tests that write work on a
 * copy) and catalogs loaded from folders.
 */
final class Fixtures {

    static final DataDirectoryLoader LOADER = new DataDirectoryLoader(new InfoXml(), 2);

    private Fixtures() {}

    /** A fixture data directory by name; one of GeoServer's samples skips the calling test where they are missing. */
    static Path fixture(String name) {
        return FixtureDirectories.directory(name);
    }

    /** A copy of a fixture data directory, for tests that change it. */
    static Path copy(String name, Path target) throws IOException {
        Path source = fixture(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /** A catalog holding what the folder holds. */
    static CatalogImpl load(Path root) throws IOException {
        CatalogImpl catalog = new CatalogImpl();
        catalog.replaceAll(LOADER.load(root).objects());
        return catalog;
    }

    /** A catalog loaded from the folder that writes its changes back there. */
    static CatalogImpl loadPersisted(Path root) throws IOException {
        CatalogImpl catalog = load(root);
        catalog.setPersistence(persister(root));
        return catalog;
    }

    static DataDirectoryPersister persister(Path root) {
        return new DataDirectoryPersister(() -> root);
    }

    /** Every file under the folder, as sorted relative paths with '/' separators. */
    static Set<String> files(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile).forEach(f -> names.add(root.relativize(f).toString().replace('\\', '/')));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
