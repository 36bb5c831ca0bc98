package org.geoserver.cluster.applier.internal;

import static org.geoserver.cluster.catalog.testing.FixtureDirectories.CLUSTER_SAMPLE;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.GEORCHESTRA_MINIMAL;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.GEOSERVER_RELEASE;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.LEGACY_FORMS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.testing.FixtureDirectories;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.catalog.xml.XmlFormatException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of our fixture data directories, and of GeoServer's sample ones where they are,
 * travels as a signed event and is applied on another node, which ends with the same objects.
 * Events go in the catalog's type order, so layers arrive before their styles and wait for them.
 */
class FixtureReplicationTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {CLUSTER_SAMPLE, LEGACY_FORMS, GEOSERVER_RELEASE, GEORCHESTRA_MINIMAL})
    void everyObjectOfTheFixtureDataDirectoriesReplicates(String fixture) throws Exception {
        Path root = FixtureDirectories.directory(fixture);
        TestNode a = new TestNode("node-a", data.resolve("a"));
        TestNode b = new TestNode("node-b", data.resolve("b"));
        assertEquals(List.of(), a.catalog.replaceAll(read(root)), fixture + ": every object loads");

        ClusterEventCodec codec = new ClusterEventCodec("shared secret");
        InfoXml xml = new InfoXml();
        Set<String> types = new TreeSet<>();
        long sequence = 0;
        for (Info info : a.catalog.list(Info.class)) {
            sequence++;
            types.add(info.xml().name());
            ClusterEvent sent = new ClusterEvent(UUID.randomUUID().toString(), "node-a", "g", sequence, sequence, ClusterEvent.Operation.ADD,
                    info.xml().name(), info.getId(), xml.toXml(info), List.of(), null, false);
            b.applier.handle(codec.decode(codec.encode(sent)));
        }
        assertEquals(0, b.applier.deferred(), fixture + ": nothing left waiting");
        assertEquals(0, b.applier.failed(), fixture);
        assertEquals(a.content(), b.content(), fixture);
        if (fixture.equals(CLUSTER_SAMPLE)) {
            Set<String> everyType = new TreeSet<>(Set.of("wms", "wfs", "wcs", "wmts"));
            for (InfoType type : InfoType.values()) {
                if (type != InfoType.SERVICE) {
                    everyType.add(type.elementName());
                }
            }
            assertEquals(everyType, types, "every kind of object the catalog knows");
        }
    }

    /** Every catalog file of a data directory (default.xml names the default and is no object of its own). */
    private static List<Info> read(Path root) throws IOException {
        InfoXml xml = new InfoXml();
        List<Info> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml") && !f.getFileName().toString().equals("default.xml")).toList()) {
                try {
                    Info info = xml.read(Files.readString(file));
                    if (InfoType.forElement(info.xml().name()) != null) {
                        objects.add(info);
                    }
                } catch (XmlFormatException e) {
                    // not a catalog file (plug-in configuration and the like)
                }
            }
        }
        return objects;
    }
}
