package org.geoserver.cluster.transport.jms.internal;

import java.util.Map;
import java.util.TreeMap;

/** Per-type digests as one text field of a status message: {@code type=digest,type=digest}. */
final class StatusFields {

    private StatusFields() {}

    static String encode(Map<String, String> digestsByType) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(digestsByType).forEach((type, digest) -> text.append(text.length() == 0 ? "" : ",").append(type).append('=').append(digest));
        return text.toString();
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
