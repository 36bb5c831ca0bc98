package org.geoserver.cluster.catalog.xml;

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
import org.junit.jupiter.api.Test;

class InfoXmlTest {

    private static final Path FIXTURES = Path.of(System.getProperty("fixtures.dir", "../../../shared/fixtures"));

    private final InfoXml xml = new InfoXml();

    /** Every catalog and configuration file of the three sample data directories. */
    static List<Path> catalogFiles() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> {
                        try {
                            String root = rootElement(Files.readString(p, StandardCharsets.UTF_8));
                            return InfoType.forElement(root) != null;
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

    @Test
    void everyFixtureFileSurvivesAReadAndAWriteUnchanged() throws IOException {
        List<Path> files = catalogFiles();
        assertTrue(files.size() > 140, "found " + files.size() + " catalog files under " + FIXTURES.toAbsolutePath());
        for (Path file : files) {
            Info read = xml.fromBytes(Files.readAllBytes(file));
            String written = xml.toXml(read);
            assertEquals(read, xml.read(written), "round trip of " + file);
            assertFalse(written.startsWith("<?xml"), "GeoServer writes catalog files without a declaration");
        }
    }

    @Test
    void writesGeoServersLayoutAndEscaping() throws IOException {
        Path file = FIXTURES.resolve("georchestra-minimal/workspaces/geor/automated_tests/public_layer/featuretype.xml");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        FeatureTypeInfo featureType = xml.read(original, FeatureTypeInfo.class);
        assertEquals(normalise(original), normalise(xml.toXml(featureType)), "same elements, texts and escaping as GeoServer's file");
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+<", "<").replaceAll(">\\s+", ">").trim();
    }

    @Test
    void typedAccessorsReadGeoServerFiles() throws IOException {
        LayerInfo layer = xml.read(Files.readString(FIXTURES.resolve("geoserver-release/workspaces/ne/NaturalEarth/countries/layer.xml")), LayerInfo.class);
        assertEquals("countries", layer.getName());
        assertEquals("FeatureTypeInfoImpl-1c443fee:182c0f3f209:-7ffa", layer.getResource());
        assertEquals("StyleInfoImpl-1c443fee:182c0f3f209:-7fd7", layer.getDefaultStyle());
        assertEquals(2, layer.getStyles().size());

        LayerGroupInfo oldFormat = xml.read(Files.readString(FIXTURES.resolve("geoserver-release/layergroups/spearfish.xml")), LayerGroupInfo.class);
        assertEquals(6, oldFormat.getPublishables().size());
        LayerGroupInfo newFormat = xml.read(Files.readString(FIXTURES.resolve("geoserver-release/workspaces/ne/layergroups/world.xml")), LayerGroupInfo.class);
        assertEquals(4, newFormat.getPublishables().size());
        assertEquals("NAMED", newFormat.getMode());
        assertEquals(4, newFormat.getStyles().size());
        assertEquals(null, newFormat.getStyles().get(1), "<style/> means the member's default style");

        DataStoreInfo store = xml.read(Files.readString(FIXTURES.resolve("georchestra-minimal/workspaces/geor/automated_tests/datastore.xml")), DataStoreInfo.class);
        assertEquals("file:data/automated_tests", store.getConnectionParameters().get("url"));
        assertFalse(store.isDefault());
        assertTrue(xml.toXml(store).contains("<__default>false</__default>"), "the double underscore is written as is");

        StyleInfo style = xml.read(Files.readString(FIXTURES.resolve("geoserver-release/styles/point.xml")), StyleInfo.class);
        assertEquals("default_point.sld", style.getFilename());
        assertEquals("1.0.0", style.getFormatVersion());

        Info wms = xml.fromBytes(Files.readAllBytes(FIXTURES.resolve("georchestra-minimal/wms.xml")));
        assertInstanceOf(ServiceInfo.class, wms);
        assertEquals("wms", ((ServiceInfo) wms).getServiceType());
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
