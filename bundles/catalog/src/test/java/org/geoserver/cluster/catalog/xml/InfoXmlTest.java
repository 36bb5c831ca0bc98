package org.geoserver.cluster.catalog.xml;

import static org.geoserver.cluster.catalog.testing.FixtureDirectories.CLUSTER_SAMPLE;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.GEORCHESTRA_MINIMAL;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.GEOSERVER_MINIMAL;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.GEOSERVER_RELEASE;
import static org.geoserver.cluster.catalog.testing.FixtureDirectories.LEGACY_FORMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.testing.FixtureDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfoXmlTest {

    private final InfoXml xml = new InfoXml();

    /** Every catalog and configuration file of a data directory. */
    static List<Path> catalogFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> {
                        try {
                            String element = rootElement(Files.readString(p, StandardCharsets.UTF_8));
                            return InfoType.forElement(element) != null;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sorted()
                    .toList();
        }
    }

    private static String rootElement(String text) {
        int start = text.indexOf('<', text.startsWith("<?") ? text.indexOf("?>") : 0);
        while (text.startsWith("<!--", start)) {
            start = text.indexOf('<', text.indexOf("-->", start));
        }
        int end = start + 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>' && text.charAt(end) != '/') {
            end++;
        }
        return text.substring(start + 1, end);
    }

    /** Ours and GeoServer's samples (those only where they are), with the number of catalog files each holds. */
    @ParameterizedTest
    @CsvSource({CLUSTER_SAMPLE + ", 61", LEGACY_FORMS + ", 23", GEOSERVER_RELEASE + ", 112", GEOSERVER_MINIMAL + ", 13", GEORCHESTRA_MINIMAL + ", 19"})
    void everyCatalogFileSurvivesAReadAndAWriteUnchanged(String directory, int catalogFiles) throws IOException {
        Path root = FixtureDirectories.directory(directory);
        List<Path> files = catalogFiles(root);
        assertEquals(catalogFiles, files.size(), "catalog files under " + root.toAbsolutePath());
        for (Path file : files) {
            Info read = xml.fromBytes(Files.readAllBytes(file));
            String written = xml.toXml(read);
            assertEquals(read, xml.read(written), "round trip of " + file);
            assertFalse(written.startsWith("<?xml"), "GeoServer writes catalog files without a declaration");
        }
    }

    /** A feature type of ours, written as GeoServer writes it, and one GeoServer wrote (where GeoServer's samples are). */
    @ParameterizedTest
    @CsvSource({CLUSTER_SAMPLE + ", workspaces/acme/city/roads/featuretype.xml",
        GEORCHESTRA_MINIMAL + ", workspaces/geor/automated_tests/public_layer/featuretype.xml"})
    void writesGeoServersLayoutAndEscaping(String directory, String featureTypeFile) throws IOException {
        String original = Files.readString(FixtureDirectories.directory(directory).resolve(featureTypeFile), StandardCharsets.UTF_8);
        FeatureTypeInfo featureType = xml.read(original, FeatureTypeInfo.class);
        assertEquals(normalise(original), normalise(xml.toXml(featureType)), "same elements, texts and escaping as GeoServer's file");
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+<", "<").replaceAll(">\\s+", ">").trim();
    }

    @Test
    void typedAccessorsReadGeoServerFiles() throws IOException {
        LayerInfo layer = xml.read(read(CLUSTER_SAMPLE, "workspaces/acme/city/roads/layer.xml"), LayerInfo.class);
        assertEquals("roads", layer.getName());
        assertEquals("FeatureTypeInfoImpl-acme-roads", layer.getResource());
        assertEquals("StyleInfoImpl-acme-streets", layer.getDefaultStyle());
        assertEquals(2, layer.getStyles().size());

        LayerGroupInfo oldFormat = xml.read(read(LEGACY_FORMS, "layergroups/survey_map.xml"), LayerGroupInfo.class);
        assertEquals(3, oldFormat.getPublishables().size());
        assertEquals("SINGLE", oldFormat.getMode(), "no <mode> before 2.3: a single layer");
        LayerGroupInfo newFormat = xml.read(read(CLUSTER_SAMPLE, "workspaces/acme/layergroups/overview.xml"), LayerGroupInfo.class);
        assertEquals(3, newFormat.getPublishables().size());
        assertEquals("NAMED", newFormat.getMode());
        assertEquals("WorkspaceInfoImpl-acme", newFormat.getWorkspace());
        assertEquals(3, newFormat.getStyles().size());
        assertEquals(null, newFormat.getStyles().get(0), "<style/> means the member's default style");
        LayerGroupInfo nesting = xml.read(read(CLUSTER_SAMPLE, "layergroups/atlas.xml"), LayerGroupInfo.class);
        assertEquals(LayerGroupInfo.Published.group("LayerGroupInfoImpl-waterways"), nesting.getPublishables().get(1));

        DataStoreInfo store = xml.read(read(CLUSTER_SAMPLE, "workspaces/acme/city/datastore.xml"), DataStoreInfo.class);
        assertEquals("file:data/acme/city", store.getConnectionParameters().get("url"));
        assertTrue(store.isDefault());
        assertTrue(xml.toXml(store).contains("<__default>true</__default>"), "the double underscore is written as is");

        StyleInfo style = xml.read(read(CLUSTER_SAMPLE, "styles/point.xml"), StyleInfo.class);
        assertEquals("point.sld", style.getFilename());
        assertEquals("sld", style.getFormat());
        assertEquals("1.1.0", xml.read(read(CLUSTER_SAMPLE, "styles/hillshade.xml"), StyleInfo.class).getFormatVersion());
        StyleInfo oldStyle = xml.read(read(CLUSTER_SAMPLE, "styles/river_lines.xml"), StyleInfo.class);
        assertEquals("sld", oldStyle.getFormat(), "no <format>: SLD");
        assertEquals("1.0.0", oldStyle.getFormatVersion(), "no <languageVersion>: 1.0.0");
        assertEquals("css", xml.read(read(CLUSTER_SAMPLE, "workspaces/acme/styles/parcels.xml"), StyleInfo.class).getFormat());

        Info wms = xml.fromBytes(Files.readAllBytes(FixtureDirectories.directory(CLUSTER_SAMPLE).resolve("workspaces/acme/wms.xml")));
        assertInstanceOf(ServiceInfo.class, wms);
        assertEquals("wms", ((ServiceInfo) wms).getServiceType());
        assertEquals("WorkspaceInfoImpl-acme", ((ServiceInfo) wms).getWorkspace());
    }

    private static String read(String directory, String file) throws IOException {
        return Files.readString(FixtureDirectories.directory(directory).resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void refusesDocumentsThatNameOtherClasses() {
        XmlFormatException e = assertThrows(XmlFormatException.class,
                () -> xml.read("<java.lang.ProcessBuilder><command><string>touch</string></command></java.lang.ProcessBuilder>"));
        assertTrue(e.getMessage().startsWith("not a catalog or configuration object"), e.getMessage());
        assertThrows(XmlFormatException.class, () -> xml.read("<layer class=\"java.lang.Runtime\"><name>x</name></layer>"));
        assertThrows(XmlFormatException.class, () -> xml.read("<dynamic-proxy><interface>java.lang.Comparable</interface></dynamic-proxy>"));
    }

    @Test
    void nestedClassAttributesAreDataNotClasses() {
        LayerInfo layer = xml.read("<layer><name>x</name><resource class=\"java.lang.ProcessBuilder\"><id>r</id></resource></layer>", LayerInfo.class);
        assertEquals("java.lang.ProcessBuilder", layer.xml().child("resource").attribute("class"));
    }

    @Test
    void readsTextAsXStreamDoes() {
        XmlElement workspace = xml.read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- before the root -->
                <workspace>
                  <name>a&amp;b</name>
                  <!-- between children -->
                  <title><![CDATA[x<y]]> and z</title>
                  <empty></empty>
                  <spaced>  kept  </spaced>
                  <split>x<!-- c -->y</split>
                  <metadata><entry key="k">v</entry></metadata>
                </workspace>""").xml();
        assertEquals("workspace", workspace.name());
        assertEquals("a&b", workspace.childText("name"), "entities resolved");
        assertEquals("x<y and z", workspace.childText("title"), "CDATA and text joined");
        assertEquals(null, workspace.child("empty").text(), "an empty element has no text");
        assertEquals("  kept  ", workspace.childText("spaced"), "a leaf's text kept as it is");
        assertEquals("xy", workspace.childText("split"), "a comment inside a text is left out");
        assertEquals(null, workspace.text(), "layout whitespace between children is not text");
        assertEquals("k", workspace.child("metadata").child("entry").attribute("key"));
        assertEquals("v", workspace.child("metadata").childText("entry"));
    }

    @Test
    void malformedXmlIsReportedAsSuch() {
        XmlFormatException e = assertThrows(XmlFormatException.class, () -> xml.read("<workspace><name>x</workspace>"));
        assertTrue(e.getMessage().startsWith("malformed XML"), e.getMessage());
    }

    @Test
    void expectedTypeIsChecked() {
        XmlFormatException e = assertThrows(XmlFormatException.class, () -> xml.read("<workspace><name>x</name></workspace>", LayerInfo.class));
        assertEquals("expected a layer, got <workspace>", e.getMessage());
    }
}
