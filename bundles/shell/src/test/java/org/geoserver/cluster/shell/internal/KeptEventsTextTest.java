package org.geoserver.cluster.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.KeptEvents.Kind;
import org.geoserver.cluster.api.KeptEvents.KeptEvent;
import org.junit.jupiter.api.Test;

class KeptEventsTextTest {

    private static final ClusterEvent EVENT = new ClusterEvent("e1", "node-a", "g", 7, 1L, ClusterEvent.Operation.MODIFY, "workspace", "ws-1",
            "<workspace>\n  <id>ws-1</id>\n  <name>w</name>\n</workspace>", List.of("name"), null, false);

    @Test
    void oneLineAnEventWithItsReason() {
        KeptEvent kept = new KeptEvent("000000000003-node-a-7", Kind.FAILED, EVENT, "workspace 'w'\nalready exists", 0L);
        assertEquals(List.of("000000000003-node-a-7  FAILED  1970-01-01 00:00:00Z  MODIFY workspace ws-1 from node-a #7  workspace 'w' already exists"),
                KeptEventsText.lines(List.of(kept)));
        assertEquals(List.of("No events kept."), KeptEventsText.lines(List.of()));
    }

    @Test
    void detailsShowThePayload() {
        List<String> lines = KeptEventsText.details(new KeptEvent("id", Kind.DEFERRED, EVENT, "waiting", 0L));
        assertTrue(lines.contains("properties: name"), lines.toString());
        assertEquals("</workspace>", lines.get(lines.size() - 1));
        assertTrue(lines.contains("  <name>w</name>"), lines.toString());
    }
}
