package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;

import java.util.List;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.PropertyChange;
import org.geoserver.cluster.catalog.xml.InfoXml;

/**
 * Refuses an object whose GeoServer XML would not read back as the same object: what the catalog
 * accepts must load again, unchanged, at the next start and on every node that installs the data
 * directory. The reader's own rules (allowed root elements, no {@code class} attribute selecting a
 * Java class, the nesting bound) are the rules here, so reading and accepting cannot disagree.
 */
final class ReloadCheck {

    private final InfoXml xml = new InfoXml();

    /** @throws CatalogException {@code INVALID}, naming the object and what would differ */
    void require(Info info) {
        Info again;
        try {
            again = xml.fromBytes(xml.toBytes(info));
        } catch (RuntimeException e) { // the reader's refusal, or a text the writer cannot put in XML
            throw new CatalogException(INVALID, label(info) + " cannot be stored: its file would not load again (" + e.getMessage() + ")");
        }
        if (!again.xml().equals(info.xml())) {
            List<PropertyChange> differences = Transaction.diff(info.xml(), again.xml());
            String what = differences.isEmpty() ? "its root element" : "'" + differences.get(0).name() + "'";
            throw new CatalogException(INVALID, label(info) + " cannot be stored as it is: " + what + " would read back differently from its file");
        }
    }

    /** "workspace 'x1'", or the id for an object without a name. */
    private static String label(Info info) {
        String name = info.xml().childText("name");
        return info.xml().name() + " " + (name != null ? "'" + name + "'" : info.getId());
    }
}
