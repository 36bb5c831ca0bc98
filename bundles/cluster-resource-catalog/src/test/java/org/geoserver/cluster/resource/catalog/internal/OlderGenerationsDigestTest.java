package org.geoserver.cluster.resource.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.datadir.internal.DataDirectoryCatalogLoader;
import org.geoserver.cluster.datadir.internal.DataDirectoryConfig;
import org.junit.jupiter.api.Test;

/**
 * Two nodes holding the same objects, one from the files of older GeoServer generations and one
 * from the same objects written today (fixtures older-generations and older-generations-today),
 * have equal digests, overall and per object; so does a node applying an older form sent by another.
 */
class OlderGenerationsDigestTest {

    private static Path fixture(String name) {
        return Path.of(System.getProperty("test.fixtures.dir", "../../fixtures")).resolve(name);
    }

    private static CatalogImpl load(Path root) {
        CatalogImpl catalog = new CatalogImpl();
        new DataDirectoryCatalogLoader(catalog, new DataDirectoryConfig() {
            @Override
            public String path() {
                return root.toAbsolutePath().toString();
            }

            @Override
            public int maxFileNameBytes() {
                return 255;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DataDirectoryConfig.class;
            }
        });
        return catalog;
    }

    @Test
    void olderFilesAndTodaysFilesOfTheSameObjectsHaveEqualDigests() {
        CatalogImpl older = load(fixture("older-generations"));
        CatalogImpl today = load(fixture("older-generations-today"));
        Map<String, String> olderDigests = new CatalogDigester(older).digestsById();
        Map<String, String> todayDigests = new CatalogDigester(today).digestsById();
        assertEquals(18, todayDigests.size(), todayDigests.keySet().toString());
        assertEquals(todayDigests, olderDigests);
        assertEquals(new CatalogDigester(today).digest(), new CatalogDigester(older).digest());
    }

    @Test
    void anOlderFormSentByAnotherNodeIsAppliedAsPresentedAndLeavesTheDigestsEqual() throws Exception {
        CatalogImpl today = load(fixture("older-generations-today"));
        CatalogImpl receiving = load(fixture("older-generations-today"));
        Info atlas = receiving.getLayerGroupByName(null, "atlas");
        Info oldForm = new InfoXml().read(Files.readString(fixture("older-generations").resolve("layergroups/atlas.xml")));
        assertNotEquals(atlas.xml(), oldForm.xml(), "the payload is the older form");
        oldForm.setXml(oldForm.xml().withChildText("title", "Atlas"));
        receiving.apply(Change.save(oldForm).from("node-old"));
        Info todayAtlas = today.getLayerGroupByName(null, "atlas");
        todayAtlas.setXml(todayAtlas.xml().withChildText("title", "Atlas"));
        today.apply(Change.save(todayAtlas).from("node-new")); // as sent: a local save would also stamp dateModified
        assertEquals(new CatalogDigester(today).digestsById(), new CatalogDigester(receiving).digestsById());
    }
}
