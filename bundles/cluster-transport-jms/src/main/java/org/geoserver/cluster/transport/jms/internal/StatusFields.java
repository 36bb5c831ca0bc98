package org.geoserver.cluster.transport.jms.internal;

import java.util.Map;
import java.util.TreeMap;

/** A map as one text field of a status message: {@code key=value,key=value} (per-type digests, per-origin sequences). */
final class StatusFields {

    private StatusFields() {}

    static String encode(Map<String, ?> values) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((key, value) -> text.append(text.length() == 0 ? "" : ",").append(key).append('=').append(value));
        return text.toString();
    }

    /** Per-origin sequences; an entry that is not a number is left out. */
    static Map<String, Long> decodeLongs(String text) {
        Map<String, Long> values = new TreeMap<>();
        decode(text).forEach((key, value) -> {
            try {
                values.put(key, Long.parseLong(value));
            } catch (NumberFormatException e) {
                // not ours to guess: the status is best effort, a newer one follows
            }
        });
        return values;
    }

    static Map<String, String> decode(String text) {
        Map<String, String> digests = new TreeMap<>();
        if (text != null && !text.isEmpty()) {
            for (String entry : text.split(",")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    digests.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
        }
        return digests;
    }
}
