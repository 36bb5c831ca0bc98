package org.geoserver.cluster.resource.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.DigestSummary;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogListener;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * Digests of the catalog computed from the objects' XML trees: each object's top-level properties
 * are taken in name order (GeoServer does not care about it; files written by different tools
 * differ there), nested lists keep their order (a group's layers are an ordered list).
 *
 * <p>Every status a node sends or receives asks for the digests, and a catalog holds tens of
 * thousands of objects: the results are kept until the catalog changes (it tells this digester as
 * a {@link CatalogListener}, through {@link CatalogResource}), and an object whose XML tree is the
 * one digested before (trees are immutable) is not digested again.
 */
final class CatalogDigester implements ConfigurationDigest, CatalogListener {

    private final Catalog catalog;
    /** Counts the catalog's changes, so that a result knows whether it is still current. */
    private final AtomicLong changes = new AtomicLong();
    private volatile Digests last;
    /** Each object's digest with the tree it was computed from, by id. */
    private volatile Map<String, Digested> objects = Map.of();

    private record Digests(long changes, Map<String, String> byId, Map<String, String> byType, String overall) {}

    private record Digested(XmlElement xml, String digest) {}

    CatalogDigester(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void changed(ChangeEvent event) {
        changes.incrementAndGet();
    }

    @Override
    public void reloaded() {
        changes.incrementAndGet();
    }

    @Override
    public String digest() {
        return current().overall();
    }

    @Override
    public Map<String, String> digestsByType() {
        return current().byType();
    }

    /** Keys are "type id", sorted, so that the per-type digests are independent of creation order. */
    @Override
    public Map<String, String> digestsById() {
        return current().byId();
    }

    private Digests current() {
        long seen = changes.get(); // before reading the catalog: a change meanwhile makes the result stale, never wrong
        Digests known = last;
        if (known != null && known.changes() == seen) {
            return known;
        }
        DigestSummary summary = DigestSummary.of(computeById());
        Digests result = new Digests(seen, summary.byId(), summary.byType(), summary.overall());
        last = result;
        return result;
    }

    private SortedMap<String, String> computeById() {
        Map<String, Digested> previous = objects;
        Map<String, Digested> next = new HashMap<>(previous.size() * 2);
        SortedMap<String, String> digests = new TreeMap<>();
        for (Info info : catalog.list(Info.class)) {
            Digested known = previous.get(info.getId());
            if (known == null || known.xml() != info.xml()) {
                MessageDigest digest = DigestSummary.sha256();
                digest.update(canonical(info.xml()).getBytes(StandardCharsets.UTF_8));
                known = new Digested(info.xml(), HexFormat.of().formatHex(digest.digest()));
            }
            next.put(info.getId(), known);
            digests.put(info.xml().name() + " " + info.getId(), known.digest());
        }
        objects = next;
        return digests;
    }

    static String canonical(XmlElement root) {
        List<XmlElement> children = new ArrayList<>(root.children());
        children.sort(Comparator.comparing(XmlElement::name)); // stable: repeated names keep their order
        return root.withChildren(children).toString();
    }
}
