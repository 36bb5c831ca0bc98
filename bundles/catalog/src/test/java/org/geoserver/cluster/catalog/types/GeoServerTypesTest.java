package org.geoserver.cluster.catalog.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Cases generated from the description itself: a new entry of the table is tested without a new test. */
class GeoServerTypesTest {

    private static final InfoXml XML = new InfoXml();

    @TestFactory
    Stream<DynamicTest> everyDefaultIsPresentedWhenItsPropertyIsAbsent() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ObjectType type : GeoServerTypes.all()) {
            for (PropertyType property : type.properties().values()) {
                if (property.defaultValue() != null) {
                    tests.add(DynamicTest.dynamicTest(type.element() + "." + property.name(), () -> {
                        XmlElement presented = GeoServerTypes.present(XmlElement.of(type.element()), References.NONE);
                        assertEquals(property.defaultValue(), presented.child(property.name()));
                        XmlElement given = XmlElement.of(type.element(), List.of(XmlElement.text(property.name(), "kept")));
                        assertEquals("kept", GeoServerTypes.present(given, References.NONE).childText(property.name()), "a value present stays");
                    }));
                }
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyTypedPropertyRefusesAWrongValueNamingObjectPropertyValueAndExpectation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ObjectType type : GeoServerTypes.all()) {
            for (PropertyType property : type.properties().values()) {
                String wrong = property.type().wrongExample();
                if (wrong == null) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(type.element() + "." + property.name(), () -> {
                    XmlElement element = XmlElement.of(type.element(), List.of(XmlElement.text("name", "x1"), XmlElement.text(property.name(), wrong)));
                    GeoServerTypes.Violation violation = GeoServerTypes.check(element).orElseThrow();
                    assertEquals(type.element() + " 'x1'", violation.object());
                    assertEquals(property.name(), violation.property());
                    assertEquals(wrong, violation.value());
                    assertEquals(property.type().describe(), violation.expected());
                    assertTrue(violation.message().contains("'" + property.name() + "'") && violation.message().contains(wrong), violation.message());
                    XmlElement right = XmlElement.of(type.element(), List.of(XmlElement.text(property.name(), rightExample(property.type()))));
                    assertTrue(GeoServerTypes.check(right).isEmpty(), "a right value passes");
                }));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> presentingIsIdempotentAndEveryStructureNamesADescribedType() {
        return GeoServerTypes.all().stream().map(type -> DynamicTest.dynamicTest(type.element(), () -> {
            XmlElement once = GeoServerTypes.present(XmlElement.of(type.element()), References.NONE);
            assertEquals(once, GeoServerTypes.present(once, References.NONE));
            for (PropertyType property : type.properties().values()) {
                if (property.type().kind() == ValueType.Kind.STRUCTURE) {
                    assertNotNull(GeoServerTypes.of(property.type().structure()), property.name() + " names " + property.type().structure());
                }
                if (property.defaultText() != null) {
                    assertTrue(property.type().accepts(property.defaultValue()), "the default of " + property.name() + " is of its type");
                }
            }
        }));
    }

    private static String rightExample(ValueType type) {
        return switch (type.kind()) {
            case INTEGER, LONG -> "12";
            case DECIMAL -> "0.5";
            case BOOLEAN -> "true";
            case ENUMERATION -> type.values().get(type.values().size() - 1);
            default -> "x";
        };
    }

    @Test
    void aNestedWrongValueIsNamedByItsPath() {
        XmlElement wms = XML.parse("<wms><name>WMS</name><watermark><position>SOMEWHERE</position></watermark></wms>");
        GeoServerTypes.Violation violation = GeoServerTypes.check(wms).orElseThrow();
        assertEquals("watermark/position", violation.property());
        assertEquals("SOMEWHERE", violation.value());
    }

    @Test
    void unknownPropertiesAndTypesAreLeftAlone() {
        XmlElement wps = XML.parse("<wps><maxRequestMemory>None</maxRequestMemory></wps>");
        assertEquals(wps, GeoServerTypes.present(wps, References.NONE));
        assertTrue(GeoServerTypes.check(wps).isEmpty());
        XmlElement wms = XML.parse("<wms><extension><deep>None</deep></extension></wms>");
        assertEquals(wms.child("extension"), GeoServerTypes.present(wms, References.NONE).child("extension"));
    }

    @Test
    void aStyleWithoutFormatIsSldOneZeroAndTheDeprecatedSldVersionGivesItsVersion() {
        XmlElement old = XML.parse("<style><id>s1</id><name>old</name><filename>old.sld</filename></style>");
        XmlElement presented = GeoServerTypes.present(old, References.NONE);
        assertEquals("sld", presented.childText("format"));
        assertEquals("1.0.0", presented.path("languageVersion", "version").text());
        XmlElement se = XML.parse("<style><name>se</name><sldVersion><version>1.1.0</version></sldVersion></style>");
        assertEquals("1.1.0", GeoServerTypes.present(se, References.NONE).path("languageVersion", "version").text());
    }

    @Test
    void aPre23GroupGetsPublishablesTypedByWhatTheirIdsNameAndModeSingle() {
        XmlElement old = XML.parse("<layerGroup><id>g2</id><name>outer</name><layers><layer><id>l1</id></layer><layer><id>g1</id></layer></layers>"
                + "<styles><style/><style/></styles><metadata><entry key=\"title\">Outer</entry><entry key=\"other\">kept</entry></metadata></layerGroup>");
        References references = id -> id.equals("g1") ? "layerGroup" : id.equals("l1") ? "layer" : null;
        XmlElement presented = GeoServerTypes.present(old, references);
        assertEquals(XML.parse("<publishables><published type=\"layer\"><id>l1</id></published><published type=\"layerGroup\"><id>g1</id></published></publishables>"),
                presented.child("publishables"));
        assertEquals(null, presented.child("layers"));
        assertEquals("SINGLE", presented.childText("mode"));
        assertEquals("Outer", presented.childText("title"));
        assertEquals(XML.parse("<metadata><entry key=\"other\">kept</entry></metadata>"), presented.child("metadata"));
        assertEquals(2, presented.child("styles").children().size(), "styles kept");
    }

    @Test
    void aGroupAddedWithoutStylesGetsOneEmptyStylePerMemberButOneReadDoesNot() {
        XmlElement group = XML.parse("<layerGroup><name>g</name><publishables>"
                + "<published type=\"layer\"><id>a</id></published><published type=\"layer\"><id>b</id></published>"
                + "<published type=\"layer\"><id>c</id></published><published type=\"layer\"><id>d</id></published></publishables><styles/></layerGroup>");
        assertEquals(XML.parse("<styles><style/><style/><style/><style/></styles>"), GeoServerTypes.presentNew(group, References.NONE).child("styles"));
        assertEquals(XmlElement.of("styles"), GeoServerTypes.present(group, References.NONE).child("styles"));
    }

    @Test
    void servicesGetTheirVersionsAndOldCascadedStoresTheirLimits() {
        XmlElement wcs = XML.parse("<wcs><name>WCS</name></wcs>");
        XmlElement presented = GeoServerTypes.present(wcs, References.NONE);
        List<String> versions = presented.child("versions").children().stream().map(v -> v.childText("version")).toList();
        assertEquals(List.of("1.0.0", "1.1.1", "2.0.1"), versions);
        assertEquals("false", presented.childText("latLon"));
        assertEquals("0", presented.childText("maxInputMemory"));
        assertEquals("0", presented.childText("maxOutputMemory"));
        XmlElement store = XML.parse("<wmsStore><name>s</name><metadata><entry key=\"maxConnections\">9</entry></metadata><readTimeout>0</readTimeout></wmsStore>");
        XmlElement limits = GeoServerTypes.present(store, References.NONE);
        assertEquals("9", limits.childText("maxConnections"));
        assertEquals("30", limits.childText("connectTimeout"));
        assertEquals("60", limits.childText("readTimeout"));
        assertEquals(null, limits.child("metadata"), "GeoServer writes no empty map");
    }
}
