package org.geoserver.cluster.sync.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogReady;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Digests of the catalog computed from the objects' XML trees: each object's top-level properties
 * are taken in name order (GeoServer does not care about it; files written by different tools
 * differ there), nested lists keep their order (a group's layers are an ordered list).
 */
@Component(service = ConfigurationDigest.class)
public class CatalogDigester implements ConfigurationDigest {

    private final Catalog catalog;

    /** Waits for {@link CatalogReady}: the digest of a catalog still loading would look like a drift to the peers. */
    @Activate
    public CatalogDigester(@Reference CatalogReady ready, @Reference Catalog catalog) {
        this(catalog);
    }

    CatalogDigester(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String digest() {
        MessageDigest all = sha256();
        digestsByType().forEach((type, digest) -> all.update((type + "=" + digest + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(all.digest());
    }

    @Override
    public Map<String, String> digestsByType() {
        Map<String, MessageDigest> byType = new TreeMap<>();
        digestsById().forEach((id, digest) -> {
            String type = id.substring(0, id.indexOf(' '));
            byType.computeIfAbsent(type, t -> sha256()).update((id + "=" + digest + "\n").getBytes(StandardCharsets.UTF_8));
        });
        Map<String, String> result = new TreeMap<>();
        byType.forEach((type, digest) -> result.put(type, HexFormat.of().formatHex(digest.digest())));
        return result;
    }

    /** Keys are "type id", sorted, so that the per-type digests are independent of creation order. */
    @Override
    public Map<String, String> digestsById() {
        Map<String, String> digests = new TreeMap<>();
        for (Info info : catalog.list(Info.class)) {
            MessageDigest digest = sha256();
            digest.update(canonical(info.xml()).getBytes(StandardCharsets.UTF_8));
            digests.put(info.xml().name() + " " + info.getId(), HexFormat.of().formatHex(digest.digest()));
        }
        return digests;
    }

    static String canonical(XmlElement root) {
        List<XmlElement> children = new ArrayList<>(root.children());
        children.sort(Comparator.comparing(XmlElement::name)); // stable: repeated names keep their order
        return root.withChildren(children).toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
