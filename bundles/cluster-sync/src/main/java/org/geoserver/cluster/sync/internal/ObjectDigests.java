package org.geoserver.cluster.sync.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.RequestChannel;
import org.geoserver.cluster.api.TransportException;

/**
 * Naming the objects two nodes hold differently: one node asks the other for the digests of every
 * object of the types whose digests differ, and compares them with its own. Text on the wire:
 * the types one per line; the answer {@code type id=digest} lines.
 */
final class ObjectDigests {

    static final String SUBJECT = "digests";

    private ObjectDigests() {}

    /** The answer to a request: this node's digests of the requested types. */
    static byte[] answer(ConfigurationDigest digest, byte[] request) {
        Set<String> types = new TreeSet<>(List.of(new String(request, StandardCharsets.UTF_8).split("\n")));
        StringBuilder text = new StringBuilder();
        ofTypes(digest.digestsById(), types).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The objects ("type id") of the given types that differ between this node and another: on one side only, or with other content. */
    static List<String> differing(RequestChannel transport, ConfigurationDigest digest, String node, List<String> types) throws TransportException {
        byte[] answer = transport.request(node, SUBJECT, String.join("\n", types).getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
        Map<String, String> there = new LinkedHashMap<>();
        for (String line : new String(answer, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.lastIndexOf('=');
            if (equals > 0) {
                there.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        Map<String, String> here = ofTypes(digest.digestsById(), new TreeSet<>(types));
        TreeSet<String> differing = new TreeSet<>();
        here.forEach((key, value) -> {
            if (!value.equals(there.get(key))) {
                differing.add(key);
            }
        });
        there.keySet().stream().filter(key -> !here.containsKey(key)).forEach(differing::add);
        return List.copyOf(differing);
    }

    private static Map<String, String> ofTypes(Map<String, String> all, Set<String> types) {
        Map<String, String> selected = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (types.contains(key.substring(0, key.indexOf(' ')))) {
                selected.put(key, value);
            }
        });
        return selected;
    }
}
