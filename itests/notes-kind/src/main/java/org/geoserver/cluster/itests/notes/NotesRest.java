package org.geoserver.cluster.itests.notes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.geoserver.cluster.api.ClusterClock;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.rest.api.RestAnswer;
import org.geoserver.cluster.rest.api.RestCall;
import org.geoserver.cluster.rest.api.RestExtension;
import org.geoserver.cluster.rest.api.RestRefusal;
import org.geoserver.cluster.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Local changes of notes over REST, captured for the cluster: {@code GET cluster/notes} lists them,
 * {@code POST cluster/notes/NAME?text=...} writes one, {@code DELETE cluster/notes/NAME} removes it;
 * each change goes to the outbox as an event of kind {@value NotesResource#KIND}.
 */
@Component(service = RestResource.class)
@RestExtension(resource = "notes")
public class NotesRest implements RestResource {

    private final NoteFolder notes;
    private final Outbox outbox;
    private final ReplicationLedger ledger;
    private final ClusterClock clock;
    private final ClusterConfiguration configuration;

    @Activate
    public NotesRest(@Reference NoteFolder notes, @Reference Outbox outbox, @Reference ReplicationLedger ledger, @Reference ClusterClock clock,
            @Reference ClusterConfiguration configuration) {
        this.notes = notes;
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
        this.configuration = configuration;
    }

    @Override
    public RestAnswer get(RestCall call) {
        List<XmlElement> listed = new ArrayList<>();
        notes.notes().forEach((id, text) -> listed.add(XmlElement.of("note", List.of(XmlElement.text("id", id), XmlElement.text("text", text)))));
        return new RestAnswer.Tree(XmlElement.of("notes", listed));
    }

    @Override
    public RestAnswer post(RestCall call) {
        String text = call.parameters().get("text");
        if (text == null) {
            throw new RestRefusal(400, "a note needs its text: ?text=...");
        }
        return change(call, ClusterEvent.Operation.MODIFY, text);
    }

    @Override
    public RestAnswer delete(RestCall call) {
        return change(call, ClusterEvent.Operation.REMOVE, "");
    }

    private RestAnswer change(RestCall call, ClusterEvent.Operation operation, String text) {
        if (!NoteFolder.validName(call.item())) {
            throw new RestRefusal(400, "a note's name is 1 to 64 letters, digits, '_' or '-': " + call.item());
        }
        String id = NoteFolder.ID_PREFIX + call.item();
        ClusterSettings settings = configuration.current();
        try {
            synchronized (notes) { // the change and its version in one step, as applied events take them
                if (operation == ClusterEvent.Operation.REMOVE) {
                    notes.delete(id);
                } else {
                    notes.write(id, text);
                }
                ClusterEvent event = outbox.append(sequence -> new ClusterEvent(UUID.randomUUID().toString(), settings.instanceName(), settings.group(),
                        sequence, clock.now(), operation, NotesResource.TYPE, id, text, List.of(), null, false, call.user(), NotesResource.KIND));
                ledger.advance(id, new ReplicationLedger.Version(event.timestamp(), event.origin()));
            }
        } catch (IOException e) {
            throw new RestRefusal(500, "could not change note " + id + ": " + e.getMessage());
        }
        return new RestAnswer.Done("note " + id + (operation == ClusterEvent.Operation.REMOVE ? " removed" : " written"));
    }
}
