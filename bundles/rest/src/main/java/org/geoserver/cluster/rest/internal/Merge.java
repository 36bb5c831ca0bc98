package org.geoserver.cluster.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * A partial update: the properties a body names replace the stored ones, the others stay. Nested
 * objects (a bounding box, a contact, a layer's attribution) are merged property by property too;
 * lists (keywords, styles, map entries) and plain values are replaced as a whole, as GeoServer
 * replaces a collection property.
 */
final class Merge {

    private Merge() {}

    static XmlElement merge(XmlElement stored, XmlElement patch) {
        XmlElement result = stored;
        for (Map.Entry<String, String> attribute : patch.attributes().entrySet()) {
            result = result.withAttribute(attribute.getKey(), attribute.getValue());
        }
        Map<String, List<XmlElement>> byName = new LinkedHashMap<>();
        for (XmlElement child : patch.children()) {
            byName.computeIfAbsent(child.name(), n -> new ArrayList<>()).add(child);
        }
        for (Map.Entry<String, List<XmlElement>> property : byName.entrySet()) {
            String name = property.getKey();
            List<XmlElement> values = property.getValue();
            List<XmlElement> existing = result.children(name);
            if (values.size() == 1 && existing.size() == 1 && XmlShapes.isStruct(existing.get(0)) && XmlShapes.isStruct(values.get(0))) {
                result = result.withChild(name, merge(existing.get(0), values.get(0)));
            } else {
                result = result.withChildren(name, values);
            }
        }
        return result;
    }
}
