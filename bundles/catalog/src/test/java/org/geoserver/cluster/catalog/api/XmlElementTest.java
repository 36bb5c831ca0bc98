package org.geoserver.cluster.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class XmlElementTest {

    private final XmlElement layer = XmlElement.of("layer", List.of(
            XmlElement.text("name", "roads"),
            XmlElement.text("id", "LayerInfoImpl-1"),
            XmlElement.of("styles", List.of(XmlElement.of("style", List.of(XmlElement.text("id", "s1"))))).withAttribute("class", "linked-hash-set"),
            XmlElement.text("unknownExtension", "kept")));

    @Test
    void replacingAChildKeepsItsPositionAndTheOthers() {
        XmlElement renamed = layer.withChildText("name", "streets");
        assertEquals(List.of("name", "id", "styles", "unknownExtension"), renamed.children().stream().map(XmlElement::name).toList());
        assertEquals("streets", renamed.childText("name"));
        assertEquals("roads", layer.childText("name"), "the original is unchanged");
        assertSame(layer.child("styles"), renamed.child("styles"), "unchanged parts are shared");
    }

    @Test
    void aMissingChildIsAppendedAndNullRemovesIt() {
        XmlElement enabled = layer.withChildText("enabled", "true");
        assertEquals("enabled", enabled.children().get(4).name());
        assertEquals(layer, enabled.withChildText("enabled", null));
        assertSame(layer, layer.withChild("absent", null));
    }

    @Test
    void equalityIsDeepAndIncludesAttributes() {
        XmlElement same = XmlElement.of("layer", layer.children());
        assertEquals(layer, same);
        assertEquals(layer.hashCode(), same.hashCode());
        XmlElement otherAttribute = layer.withChild("styles", layer.child("styles").withAttribute("class", "set"));
        assertNotEquals(layer, otherAttribute);
    }

    @Test
    void pathsAndAttributes() {
        assertEquals("s1", layer.path("styles", "style", "id").text());
        assertNull(layer.path("styles", "nothing"));
        assertEquals("linked-hash-set", layer.child("styles").attribute("class"));
        assertNull(layer.child("styles").withAttribute("class", null).attribute("class"));
    }

    @Test
    void replacingRepeatedChildrenKeepsTheirPlace() {
        XmlElement entries = XmlElement.of("metadata", List.of(XmlElement.text("a", "1"), XmlElement.text("entry", "x"), XmlElement.text("entry", "y"), XmlElement.text("z", "2")));
        XmlElement replaced = entries.withChildren("entry", List.of(XmlElement.text("entry", "w")));
        assertEquals("<metadata><a>1</a><entry>w</entry><z>2</z></metadata>", replaced.toString());
    }
}
