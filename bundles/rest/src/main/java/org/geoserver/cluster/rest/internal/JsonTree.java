package org.geoserver.cluster.rest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * GeoServer's JSON form of an XML tree, both ways, for every type: the root element is the single
 * key, attributes are {@code "@name"} keys, text beside attributes is {@code "$"}; empty elements,
 * lists and typed scalars as {@link GeoServerQuirks} 2 to 5 say, and reading as lenient as
 * {@link GeoServerQuirks} 3 says.
 */
final class JsonTree {

    /** Maps that clients may send as a plain JSON object instead of a list of entries. */
    private static final List<String> MAPS = List.of("connectionParameters", "metadata", "parameters");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private JsonTree() {}

    /**
     * Reads a document {@code {"root": {...}}} into the element {@code <root>}.
     *
     * @param limits names the nesting limit when the document nests deeper than the JSON reader goes
     */
    static XmlElement read(byte[] json, BodyLimits limits) {
        JsonNode document;
        try {
            document = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            if (e instanceof StreamConstraintsException && String.valueOf(e.getOriginalMessage()).contains("nesting depth")) {
                throw limits.tooDeep();
            }
            // Some refusals (a number too long, a name too long) carry no location.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw RestException.badRequest("malformed JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (document == null || !document.isObject() || document.size() != 1) {
            throw RestException.badRequest("malformed JSON: expected one object with a single key naming the object type, like {\"workspace\":{...}}");
        }
        Map.Entry<String, JsonNode> root = document.fields().next();
        List<XmlElement> elements = new ArrayList<>();
        convert(XmlShapes.xmlName(root.getKey()), root.getValue(), elements);
        if (elements.size() != 1) {
            throw RestException.badRequest("malformed JSON: the value of \"" + root.getKey() + "\" must be one object");
        }
        return elements.get(0);
    }

    private static void convert(String name, JsonNode node, List<XmlElement> out) {
        if (node.isNull()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                convert(name, item, out);
            }
            return;
        }
        if (!node.isObject()) {
            String text = node.asText();
            out.add(text.isEmpty() ? XmlElement.of(name) : XmlElement.text(name, text));
            return;
        }
        XmlElement.Builder element = XmlElement.builder(name);
        boolean plainMap = MAPS.contains(name) && isPlainMap(node);
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (plainMap) {
                element.child(XmlElement.text("entry", value.asText()).withAttribute("key", key));
            } else if (key.startsWith("@")) {
                element.attribute(key.substring(1), value.asText());
            } else if ("$".equals(key)) {
                element.text(value.asText());
            } else {
                List<XmlElement> children = new ArrayList<>();
                convert(XmlShapes.xmlName(key), value, children);
                children.forEach(element::child);
            }
        }
        out.add(element.build());
    }

    /** {"host":"h","port":5432}: every value a scalar, no entry list and no attributes. */
    private static boolean isPlainMap(JsonNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("entry") || field.getKey().startsWith("@") || field.getKey().equals("$") || field.getValue().isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code <root>} as {@code {"root": ...}}. */
    static void write(XmlElement root, OutputStream out) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName(XmlShapes.jsonName(root.name()));
            writeValue(root, json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(XmlElement element, JsonGenerator json) throws IOException {
        Map<String, String> attributes = element.attributes();
        if (attributes.isEmpty() && !element.hasChildren()) {
            writeScalar(element.name(), element.text() == null ? "" : element.text(), json);
            return;
        }
        json.writeStartObject();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            json.writeStringField("@" + attribute.getKey(), attribute.getValue());
        }
        if (!element.hasChildren()) {
            if (element.text() != null) {
                json.writeFieldName("$");
                writeScalar(element.name(), element.text(), json);
            }
        } else {
            Map<String, List<XmlElement>> byName = new LinkedHashMap<>();
            for (XmlElement child : element.children()) {
                byName.computeIfAbsent(child.name(), n -> new ArrayList<>()).add(child);
            }
            for (Map.Entry<String, List<XmlElement>> group : byName.entrySet()) {
                json.writeFieldName(XmlShapes.jsonName(group.getKey()));
                if (XmlShapes.isList(element, group.getKey(), group.getValue().size())) {
                    json.writeStartArray();
                    for (XmlElement child : group.getValue()) {
                        writeValue(child, json);
                    }
                    json.writeEndArray();
                } else {
                    writeValue(group.getValue().get(0), json);
                }
            }
        }
        json.writeEndObject();
    }

    private static void writeScalar(String element, String text, JsonGenerator json) throws IOException {
        Object value = XmlShapes.jsonValue(element, text);
        if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof XmlShapes.NumberLiteral number) {
            json.writeNumber(number.text());
        } else {
            json.writeString(text);
        }
    }
}
