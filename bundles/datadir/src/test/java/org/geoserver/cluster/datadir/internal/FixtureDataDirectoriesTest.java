package org.geoserver.cluster.datadir.internal;

import static org.geoserver.cluster.catalog.testing.FixtureDirectories.CLUSTER_SAMPLE;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.GEORCHESTRA_MINIMAL;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.GEOSERVER_MINIMAL;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.GEOSERVER_RELEASE;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.LEGACY_FORMS;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.OLDER_GENERATIONS;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.OLDER_GENERATIONS_TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.CoverageInfo;
import org.geoserver.cluster.catalog.api.CoverageStoreInfo;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.catalog.types.GeoServerTypes;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Our fixture data directories and GeoServer's sample ones (where they are) load completely, and
 * write back to the same files.
 */
class FixtureDataDirectoriesTest {

    private static final InfoXml XML = new InfoXml();

    @TempDir
    Path temp;

    @Test
    void clusterSampleLoadsEveryObjectOfItsFiles() throws IOException {
        CatalogImpl catalog = loadCompletely(CLUSTER_SAMPLE); // templates, gwc-gs.xml and *.properties are not catalog files: no problem

        Map<InfoType, Long> byType = new EnumMap<>(InfoType.class);
        catalog.list(Info.class).forEach(info -> byType.merge(info.type(), 1L, Long::sum));
        assertEquals(Map.ofEntries(Map.entry(InfoType.WORKSPACE, 5L), Map.entry(InfoType.NAMESPACE, 5L),
                Map.entry(InfoType.DATASTORE, 3L), Map.entry(InfoType.COVERAGESTORE, 1L), Map.entry(InfoType.WMSSTORE, 1L), Map.entry(InfoType.WMTSSTORE, 1L),
                Map.entry(InfoType.FEATURETYPE, 8L), Map.entry(InfoType.COVERAGE, 1L), Map.entry(InfoType.WMSLAYER, 1L), Map.entry(InfoType.WMTSLAYER, 1L),
                Map.entry(InfoType.LAYER, 11L), Map.entry(InfoType.LAYERGROUP, 4L), Map.entry(InfoType.STYLE, 10L),
                Map.entry(InfoType.GLOBAL, 1L), Map.entry(InfoType.SETTINGS, 1L), Map.entry(InfoType.LOGGING, 1L), Map.entry(InfoType.SERVICE, 5L),
                Map.entry(InfoType.DEFAULTS, 1L)), byType, "every kind of object the catalog knows, each as often as the files hold it");
        assertEquals(8, catalog.list(StyleInfo.class).stream().filter(s -> s.getWorkspace() == null).count());
        assertEquals("acme", catalog.getDefaultWorkspace().getName());
        assertEquals("acme", catalog.getDefaultNamespace().getPrefix());
        assertEquals("rivers", catalog.getDefaultStore(catalog.getWorkspaceByName("hydro").getId()).getName());
        assertTrue(catalog.getWorkspaceByName("review").isIsolated());
        assertTrue(catalog.getNamespaceByPrefix("review").isIsolated());

        LayerGroupInfo overview = catalog.getLayerGroupByName("acme", "overview");
        assertEquals(List.of("parcels", "buildings", "roads"),
                overview.getPublishables().stream().map(p -> catalog.getById(p.id(), LayerInfo.class).getName()).toList());
        assertEquals(3, catalog.getLayerGroupByName(null, "waterways").getPublishables().size(), "old <layers> format");
        assertEquals(Published.group(catalog.getLayerGroupByName(null, "waterways").getId()),
                catalog.getLayerGroupByName(null, "atlas").getPublishables().get(1), "a nested group");
        String acme = catalog.getWorkspaceByName("acme").getId();
        assertEquals(acme, catalog.getSettings(acme).getWorkspace());
        assertEquals("Port Acme city maps", catalog.getService("wms", acme).getTitle());
        assertEquals(Set.of("wms", "wfs", "wcs", "wmts"), serviceTypes(catalog));
        assertEquals("RASTER", catalog.getLayerByName("hydro:dem").getLayerType());
        assertEquals("WMS", catalog.getLayerByName("cascade:relief").getLayerType());
        assertEquals("WMTS", catalog.getLayerByName("cascade:road_tiles").getLayerType());
        assertEquals("rivers.sld", catalog.getStyleByName(null, "river_lines").getFilename());
        assertEquals("css", catalog.getStyleByName("acme", "parcels").getFormat());
        DataDirectoryPersister files = Fixtures.persister(Fixtures.fixture(CLUSTER_SAMPLE));
        assertTrue(files.read(catalog.getStyleByName(null, "contours"), catalog).isEmpty(), "a style whose file is missing still loads");
        assertTrue(files.read(catalog.getStyleByName("acme", "parcels"), catalog).orElseThrow().length > 0);
    }

    @Test
    void legacyFormsLoadEveryObjectOfTheirFiles() throws IOException {
        CatalogImpl catalog = loadCompletely(LEGACY_FORMS);

        assertCounts(catalog, 2, 2, 2, 3, 3, 1, 5, 4, 0); // wms, wfs, wcs files; wmts gets GeoServer's defaults
        assertEquals("legacy", catalog.getDefaultWorkspace().getName(), "without default.xml the first workspace is the default, as in GeoServer");
        assertEquals("4", catalog.getGlobal().xml().childText("numDecimals"), "the old global.xml shape, settings at the top");
        assertEquals(null, catalog.getGlobal().getSettings());
        assertEquals(3, catalog.getLayerGroupByName(null, "survey_map").getPublishables().size(), "old <layers> format");
        assertEquals("RASTER", catalog.getLayerByName("topo:sheet_1962").getLayerType());
        assertEquals("1.0.0", catalog.getStyleByName(null, "boreholes").getFormatVersion());
        assertEquals("wms", catalog.getService("wms", null).getId());
    }

    @Test
    void releaseLoadsEveryObjectOfItsFiles() throws IOException {
        CatalogImpl catalog = loadCompletely(GEOSERVER_RELEASE);

        assertCounts(catalog, 8, 8, 10, 24, 24, 4, 27, 4, 1); // wmts: GeoServer's defaults
        assertEquals(5, catalog.list(DataStoreInfo.class).size());
        assertEquals(5, catalog.list(CoverageStoreInfo.class).size());
        assertEquals(19, catalog.list(FeatureTypeInfo.class).size());
        assertEquals(5, catalog.list(CoverageInfo.class).size());
        assertEquals(21, catalog.list(StyleInfo.class).stream().filter(s -> s.getWorkspace() == null).count());
        assertEquals("ne", catalog.getDefaultWorkspace().getName());
        assertEquals("ne", catalog.getDefaultNamespace().getPrefix());

        LayerGroupInfo world = catalog.getLayerGroupByName("ne", "world");
        assertEquals(4, world.getPublishables().size());
        assertEquals(List.of("countries", "coastlines", "boundary_lines", "populated_places"),
                world.getPublishables().stream().map(p -> catalog.getById(p.id(), LayerInfo.class).getName()).toList());
        assertEquals(6, catalog.getLayerGroupByName(null, "spearfish").getPublishables().size(), "old <layers> format");
        assertEquals("ne", catalog.getById(catalog.getSettings(catalog.getWorkspaceByName("ne").getId()).getWorkspace(), WorkspaceInfo.class).getName());
        assertEquals("RASTER", catalog.getLayerByName("nurc:mosaic").getLayerType());
        assertEquals("simpleRoads.sld", catalog.getStyleByName(null, "simple_roads").getFilename());
    }

    @Test
    void georchestraLoadsEveryObjectOfItsFiles() throws IOException {
        CatalogImpl catalog = loadCompletely(GEORCHESTRA_MINIMAL); // plugIns/, w3ds.xml, gwc-gs.xml, *.properties are not catalog files: no problem

        assertCounts(catalog, 1, 1, 1, 1, 1, 0, 5, 6, 0);
        assertEquals("geor", catalog.getDefaultWorkspace().getName());
        assertEquals(Set.of("wms", "wfs", "wcs", "wmts", "wps", "csw"), serviceTypes(catalog));
        LayerInfo layer = catalog.getLayerByName("geor:public_layer");
        assertEquals("point", catalog.getById(layer.getDefaultStyle(), StyleInfo.class).getName());
        assertEquals("default_generic.sld", catalog.getStyleByName(null, "generic").getFilename());
    }

    @Test
    void minimalLoadsEveryObjectOfItsFiles() throws IOException {
        CatalogImpl catalog = loadCompletely(GEOSERVER_MINIMAL);

        assertCounts(catalog, 2, 2, 0, 0, 0, 0, 4, 4, 0); // wmts: GeoServer's defaults
        assertNotNull(catalog.getDefaultWorkspace(), "without default.xml the first workspace is the default, as in GeoServer");
        assertEquals("http://www.openplans.org/topp", catalog.getNamespaceByPrefix("topp").getURI());
        assertEquals("8", catalog.getGlobal().xml().childText("numDecimals"), "the old global.xml shape, settings at the top");
    }

    /** The catalog of a fixture, which loads without a problem and without leaving anything out. */
    private static CatalogImpl loadCompletely(String fixture) throws IOException {
        DataDirectoryLoader.Result result = Fixtures.LOADER.load(Fixtures.fixture(fixture));
        assertEquals(List.of(), result.problems(), fixture);
        CatalogImpl catalog = new CatalogImpl();
        assertEquals(List.of(), catalog.replaceAll(result.objects()), fixture);
        return catalog;
    }

    private static void assertCounts(Catalog catalog, int workspaces, int namespaces, int stores, int resources, int layers, int groups,
            int styles, int services, int settings) {
        assertEquals(workspaces, catalog.list(WorkspaceInfo.class).size(), "workspaces");
        assertEquals(namespaces, catalog.list(NamespaceInfo.class).size(), "namespaces");
        assertEquals(stores, catalog.list(StoreInfo.class).size(), "stores");
        assertEquals(resources, catalog.list(ResourceInfo.class).size(), "resources");
        assertEquals(layers, catalog.list(LayerInfo.class).size(), "layers");
        assertEquals(groups, catalog.list(LayerGroupInfo.class).size(), "layer groups");
        assertEquals(styles, catalog.list(StyleInfo.class).size(), "styles");
        assertEquals(services, catalog.list(ServiceInfo.class).size(), "services");
        assertEquals(settings, catalog.list(SettingsInfo.class).size(), "workspace settings");
    }

    private static Set<String> serviceTypes(Catalog catalog) {
        Set<String> types = new TreeSet<>();
        catalog.list(ServiceInfo.class).forEach(s -> types.add(s.getServiceType()));
        return types;
    }

    /** Every object written as an addition to an empty folder gives the same catalog files, and reloads as the same objects. */
    @ParameterizedTest
    @ValueSource(strings = {CLUSTER_SAMPLE, LEGACY_FORMS, OLDER_GENERATIONS, OLDER_GENERATIONS_TODAY, GEOSERVER_RELEASE, GEORCHESTRA_MINIMAL, GEOSERVER_MINIMAL})
    void writingEveryObjectGivesTheSameFilesAndObjects(String fixture) throws Exception {
        Path original = Fixtures.fixture(fixture);
        DataDirectoryLoader.Result read = Fixtures.LOADER.load(original);
        CatalogImpl catalog = new CatalogImpl();
        catalog.replaceAll(read.objects());
        DataDirectoryPersister originalFiles = Fixtures.persister(original);

        List<ChangeEvent> additions = new ArrayList<>();
        Set<String> expectedFiles = new TreeSet<>();
        for (Info info : catalog.list(Info.class)) {
            byte[] body = info instanceof StyleInfo style ? originalFiles.read(style, catalog).orElse(null) : null;
            additions.add(new ChangeEvent(additions.size() + 1, ChangeEvent.Kind.ADD, null, info, List.of(), null, body, false));
            if (body != null) {
                expectedFiles.add(relative(original, new DataDirectoryLayout(original).styleFile((StyleInfo) info, catalog::getById)));
            }
        }
        Path copy = temp.resolve("copy");
        DataDirectoryPersister copyFiles = Fixtures.persister(copy);
        copyFiles.persist(additions, catalog);
        copyFiles.sync();

        DataDirectoryLoader.Result reread = Fixtures.LOADER.load(copy);
        assertEquals(List.of(), reread.problems());
        assertEquals(byId(catalog.list(Info.class)), byId(reread.objects()), "the same objects, compared as XML trees");

        Map<String, Path> originalCatalogFiles = catalogFiles(original, read);
        Map<String, Path> writtenCatalogFiles = catalogFiles(copy, reread);
        originalCatalogFiles.putIfAbsent("workspaces/default.xml", null); // legacy-forms and geoserver-minimal have none; one is written for their default
        for (String service : DataDirectoryInitializer.SERVICES) {
            originalCatalogFiles.putIfAbsent(service + ".xml", null); // a missing service has GeoServer's defaults, written like any object
        }
        assertEquals(new TreeSet<>(originalCatalogFiles.keySet()), new TreeSet<>(writtenCatalogFiles.keySet()));
        expectedFiles.addAll(writtenCatalogFiles.keySet());
        assertEquals(expectedFiles, Fixtures.files(copy), "catalog files and the style files there were, nothing else");

        for (Map.Entry<String, Path> file : originalCatalogFiles.entrySet()) {
            Path written = copy.resolve(file.getKey());
            String text = Files.readString(written, StandardCharsets.UTF_8);
            assertFalse(text.startsWith("<?xml"), file.getKey() + ": GeoServer writes catalog files without a declaration");
            assertTrue(text.lines().skip(1).findFirst().orElse("  <").startsWith("  <"), file.getKey() + ": two-space indentation");
            if (file.getValue() != null && !file.getKey().equals("workspaces/default.xml")) {
                // GeoServer writes an object as it presents it: an older file's object comes back in today's form.
                Path presented = temp.resolve("presented.xml");
                XmlElement asPresented = GeoServerTypes.present(XML.fromBytes(Files.readAllBytes(file.getValue())).xml(), id -> {
                    Info known = catalog.getById(id);
                    return known == null ? null : known.xml().name();
                });
                Files.writeString(presented, XML.toXml(asPresented), StandardCharsets.UTF_8);
                assertEquals(outline(presented), outline(written), file.getKey() + ": element names, ids and references, as presented");
            }
        }
        for (String style : expectedFiles) {
            if (!style.endsWith(".xml")) {
                assertEquals(-1, Files.mismatch(original.resolve(style), copy.resolve(style)), style + " copied byte for byte");
            }
        }
    }

    private static Map<String, Info> byId(List<? extends Info> objects) {
        Map<String, Info> map = new HashMap<>();
        objects.forEach(info -> map.put(info.getId(), info));
        return map;
    }

    private static Map<String, Path> catalogFiles(Path root, DataDirectoryLoader.Result result) {
        Map<String, Path> files = new HashMap<>();
        for (DataDirectoryLoader.Loaded loaded : result.loaded()) {
            if (loaded.file() != null) {
                files.put(relative(root, loaded.file()), loaded.file());
            }
        }
        return files;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Element names in document order, with the text of every {@code <id>} and the attributes: read by the JDK's DOM, not by InfoXml. */
    private static List<String> outline(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        List<String> outline = new ArrayList<>();
        outline(document.getDocumentElement(), "", outline);
        return outline;
    }

    private static void outline(Element element, String path, List<String> outline) {
        String here = path + "/" + element.getTagName();
        StringBuilder line = new StringBuilder(here);
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node attribute = element.getAttributes().item(i);
            line.append(" @").append(attribute.getNodeName()).append('=').append(attribute.getNodeValue());
        }
        if (element.getTagName().equals("id")) {
            line.append(" = ").append(element.getTextContent());
        }
        outline.add(line.toString());
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                outline(childElement, here, outline);
            }
        }
    }
}
