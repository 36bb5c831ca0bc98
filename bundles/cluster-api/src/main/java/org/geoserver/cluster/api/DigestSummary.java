package org.geoserver.cluster.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-object digests summed up per type and overall, the same way on every node, so that two
 * nodes compare their configurations through {@link ConfigurationDigest} whichever kinds hold them.
 *
 * @param byId digests keyed {@code "type id"}, sorted
 * @param byType one digest per type, over the type's objects in key order
 * @param overall one digest over the per-type digests
 */
public record DigestSummary(Map<String, String> byId, Map<String, String> byType, String overall) {

    /** Sums up digests keyed {@code "type id"}. */
    public static DigestSummary of(SortedMap<String, String> byId) {
        Map<String, MessageDigest> typeDigests = new TreeMap<>();
        byId.forEach((id, digest) -> {
            String type = id.substring(0, id.indexOf(' '));
            typeDigests.computeIfAbsent(type, t -> sha256()).update((id + "=" + digest + "\n").getBytes(StandardCharsets.UTF_8));
        });
        Map<String, String> byType = new TreeMap<>();
        typeDigests.forEach((type, digest) -> byType.put(type, HexFormat.of().formatHex(digest.digest())));
        MessageDigest all = sha256();
        byType.forEach((type, digest) -> all.update((type + "=" + digest + "\n").getBytes(StandardCharsets.UTF_8)));
        return new DigestSummary(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byType), HexFormat.of().formatHex(all.digest()));
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
