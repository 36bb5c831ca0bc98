package org.geoserver.cluster.management.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.KeptEvents;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.rest.api.RestAnswer;
import org.geoserver.cluster.rest.api.RestCall;
import org.geoserver.cluster.rest.api.RestRefusal;
import org.junit.jupiter.api.Test;

class KeptEventsResourceTest {

    private static final ClusterEvent EVENT = new ClusterEvent("e1", "node-a", "g", 7, 1L, ClusterEvent.Operation.ADD, "dataStore", "ds-1",
            "<dataStore><id>ds-1</id><name>dup</name></dataStore>", List.of(), null, false);

    /** Kept events in a list; a retry applies, a discard forgets. */
    private final List<KeptEvents.KeptEvent> events = new ArrayList<>(List.of(
            new KeptEvents.KeptEvent("000000000001-node-a-7", KeptEvents.Kind.FAILED, EVENT, "store 'dup' already exists", 0L)));
    private final KeptEvents kept = new KeptEvents() {
        @Override
        public List<KeptEvent> kept() {
            return List.copyOf(events);
        }

        @Override
        public Optional<KeptEvent> kept(String id) {
            return events.stream().filter(e -> e.id().equals(id)).findFirst();
        }

        @Override
        public RetryOutcome retry(String id) {
            if (!events.removeIf(e -> e.id().equals(id))) {
                throw new IllegalArgumentException("no deferred or failed event " + id);
            }
            return RetryOutcome.APPLIED;
        }

        @Override
        public Map<String, RetryOutcome> retryAll() {
            throw new UnsupportedOperationException("not over REST");
        }

        @Override
        public boolean discard(String id) {
            return events.removeIf(e -> e.id().equals(id));
        }
    };
    private final KeptEventsResource resource = new KeptEventsResource(kept);

    private static RestCall call(String item, String action) {
        return new RestCall(item, action, Map.of(), "admin");
    }

    @Test
    void listsWithReasonsAndShowsOneWithItsPayload() {
        XmlElement list = ((RestAnswer.Tree) resource.get(call(null, null))).element();
        XmlElement first = list.children().get(0);
        assertEquals("000000000001-node-a-7", first.childText("id"));
        assertEquals("FAILED", first.childText("kind"));
        assertEquals("store 'dup' already exists", first.childText("reason"));
        assertNull(first.child("payload"), "the list leaves payloads out");
        XmlElement one = ((RestAnswer.Tree) resource.get(call("000000000001-node-a-7", null))).element();
        assertEquals(EVENT.payload(), one.childText("payload"));
        assertEquals(404, assertThrows(RestRefusal.class, () -> resource.get(call("nope", null))).status());
    }

    @Test
    void retriesAndDiscardsByIdAndRefusesTheRest() {
        assertEquals(405, assertThrows(RestRefusal.class, () -> resource.post(call("000000000001-node-a-7", "apply"))).status());
        assertEquals(405, assertThrows(RestRefusal.class, () -> resource.delete(call(null, null))).status());
        assertEquals("000000000001-node-a-7: APPLIED", ((RestAnswer.Done) resource.post(call("000000000001-node-a-7", "retry"))).message());
        assertEquals(404, assertThrows(RestRefusal.class, () -> resource.post(call("000000000001-node-a-7", "retry"))).status());
        events.add(new KeptEvents.KeptEvent("000000000002-node-a-8", KeptEvents.Kind.DEFERRED, EVENT, "waiting", 0L));
        assertEquals("000000000002-node-a-8: discarded", ((RestAnswer.Done) resource.delete(call("000000000002-node-a-8", null))).message());
        assertEquals(404, assertThrows(RestRefusal.class, () -> resource.delete(call("000000000002-node-a-8", null))).status());
    }
}
