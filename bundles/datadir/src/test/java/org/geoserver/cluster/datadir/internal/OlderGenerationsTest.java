package org.geoserver.cluster.datadir.internal;

import static org.geoserver.cluster.catalog.testing.FixtureDirectories.OLDER_GENERATIONS;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.OLDER_GENERATIONS_TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory in the forms of older GeoServer generations is presented exactly as the same
 * objects written today: properties compared in name order (as digests compare them), everything
 * nested in its order.
 */
class OlderGenerationsTest {

    @TempDir
    Path temp;

    @Test
    void olderFormsArePresentedAsTheSameObjectsWrittenToday() throws Exception {
        DataDirectoryLoader.Result older = Fixtures.LOADER.load(Fixtures.fixture(OLDER_GENERATIONS));
        DataDirectoryLoader.Result today = Fixtures.LOADER.load(Fixtures.fixture(OLDER_GENERATIONS_TODAY));
        assertEquals(List.of(), older.problems());
        assertEquals(List.of(), today.problems());
        CatalogImpl olderCatalog = new CatalogImpl();
        CatalogImpl todayCatalog = new CatalogImpl();
        assertEquals(List.of(), olderCatalog.replaceAll(older.objects()));
        assertEquals(List.of(), todayCatalog.replaceAll(today.objects()));

        Map<String, String> presented = byId(olderCatalog.list(Info.class));
        Map<String, String> written = byId(todayCatalog.list(Info.class));
        assertEquals(written.keySet(), presented.keySet());
        assertEquals(18, written.size(), written.keySet().toString());
        written.forEach((id, xml) -> assertEquals(xml, presented.get(id), id));
        assertNotEquals(byId(older.objects()), byId(today.objects()), "the files differ: the fixture tests something");
    }

    @Test
    void anOlderFileIsRewrittenInTodaysFormOnlyWhenItsObjectChanges() throws Exception {
        Path copy = Fixtures.copy(OLDER_GENERATIONS, temp.resolve("older"));
        byte[] atlas = Files.readAllBytes(copy.resolve("layergroups/atlas.xml"));
        CatalogImpl catalog = Fixtures.loadPersisted(copy);
        assertEquals(-1, Files.mismatch(copy.resolve("layergroups/atlas.xml"), Fixtures.fixture(OLDER_GENERATIONS).resolve("layergroups/atlas.xml")));
        assertEquals(false, Files.exists(copy.resolve("wmts.xml")));

        Info group = catalog.getLayerGroupByName(null, "atlas");
        group.setXml(group.xml().withChildText("title", "Atlas"));
        catalog.save(group);
        XmlElement file = new InfoXml().fromBytes(Files.readAllBytes(copy.resolve("layergroups/atlas.xml"))).xml();
        assertEquals(null, file.child("layers"), "written in today's form");
        assertEquals("layerGroup", file.child("publishables").children().get(0).attribute("type"));
        assertEquals("SINGLE", file.childText("mode"));
        assertNotEquals(new String(atlas), Files.readString(copy.resolve("layergroups/atlas.xml")));
    }

    /** Each object's XML with its properties in name order (a stable sort: repeated names keep their order). */
    private static Map<String, String> byId(List<? extends Info> objects) {
        Map<String, String> map = new TreeMap<>();
        for (Info info : objects) {
            List<XmlElement> children = new ArrayList<>(info.xml().children());
            children.sort(Comparator.comparing(XmlElement::name));
            map.put(info.type() + " " + info.getId(), info.xml().withChildren(children).toString());
        }
        return map;
    }
}
