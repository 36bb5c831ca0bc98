package org.geoserver.cluster.shell.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.KeptEvents.KeptEvent;

/** Kept events as the shell prints them: one line each, or one event in full. */
final class KeptEventsText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private KeptEventsText() {}

    /** id, kind, when, what and why, one event a line; a line saying so when there are none. */
    static List<String> lines(List<KeptEvent> events) {
        if (events.isEmpty()) {
            return List.of("No events kept.");
        }
        List<String> lines = new ArrayList<>();
        for (KeptEvent kept : events) {
            lines.add(kept.id() + "  " + kept.kind() + "  " + TIME.format(Instant.ofEpochMilli(kept.keptAt())) + "  " + what(kept.event()) + "  " + oneLine(kept.reason()));
        }
        return lines;
    }

    /** Everything about one kept event, its payload included. */
    static List<String> details(KeptEvent kept) {
        ClusterEvent event = kept.event();
        List<String> lines = new ArrayList<>(List.of(
                "id:         " + kept.id(),
                "kept as:    " + kept.kind() + " since " + TIME.format(Instant.ofEpochMilli(kept.keptAt())),
                "reason:     " + oneLine(kept.reason()),
                "event:      " + event.id(),
                "change:     " + what(event),
                "properties: " + (event.changedProperties().isEmpty() ? "-" : String.join(", ", event.changedProperties())),
                "style file: " + (event.styleBody() == null ? "-" : event.styleBody().length + " bytes"),
                "payload:"));
        lines.addAll(event.payload().lines().toList());
        return lines;
    }

    private static String what(ClusterEvent event) {
        return event.operation() + " " + event.objectType() + " " + event.objectId() + " from " + event.origin() + " #" + event.sequence();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
