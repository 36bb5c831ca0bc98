package org.geoserver.cluster.itests.notes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.ConfigurationSnapshots.InstallReport;
import org.geoserver.cluster.api.DigestSummary;
import org.geoserver.cluster.api.ReplicatedResource;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.geoserver.cluster.api.ResourceKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The notes as a replicated resource kind: applies note events, digests the notes, carries them in snapshots. */
@Component(service = ReplicatedResource.class)
@ResourceKind(NotesResource.KIND)
public class NotesResource implements ReplicatedResource {

    static final String KIND = "notes";
    static final String TYPE = "note";

    private final NoteFolder notes;

    @Activate
    public NotesResource(@Reference NoteFolder notes) {
        this.notes = notes;
    }

    @Override
    public Applied apply(ClusterEvent event, BooleanSupplier newer) throws IOException {
        if (!TYPE.equals(event.objectType()) || !event.objectId().startsWith(NoteFolder.ID_PREFIX)) {
            return Applied.refused("not a note: " + event.objectType() + " " + event.objectId());
        }
        synchronized (notes) {
            if (!newer.getAsBoolean()) {
                return Applied.NOT_NEWER;
            }
            if (event.operation() == ClusterEvent.Operation.REMOVE) {
                notes.delete(event.objectId());
            } else {
                notes.write(event.objectId(), event.payload());
            }
        }
        return Applied.APPLIED;
    }

    @Override
    public void sync() {
        // Each note is written whole by a rename: nothing is pending.
    }

    @Override
    public Map<String, String> digests() {
        Map<String, String> digests = new TreeMap<>();
        notes.notes().forEach((id, text) -> digests.put(TYPE + " " + id,
                HexFormat.of().formatHex(DigestSummary.sha256().digest(text.getBytes(StandardCharsets.UTF_8)))));
        return digests;
    }

    @Override
    public List<SnapshotObject> export() {
        return notes.notes().entrySet().stream().map(note -> new SnapshotObject(TYPE, note.getKey(), note.getValue(), null, KIND)).toList();
    }

    @Override
    public InstallReport install(List<SnapshotObject> objects, Map<String, Version> versions, Map<String, Version> localVersions, String origin)
            throws IOException {
        int added = 0;
        int modified = 0;
        int removed = 0;
        int kept = 0;
        synchronized (notes) {
            Map<String, String> here = notes.notes();
            Map<String, String> there = new TreeMap<>();
            objects.forEach(object -> there.put(object.id(), object.xml()));
            for (Map.Entry<String, String> note : there.entrySet()) {
                if (later(localVersions.get(note.getKey()), versions.get(note.getKey()))) {
                    kept++;
                } else if (!note.getValue().equals(here.get(note.getKey()))) {
                    notes.write(note.getKey(), note.getValue());
                    if (here.containsKey(note.getKey())) {
                        modified++;
                    } else {
                        added++;
                    }
                }
            }
            for (String id : here.keySet()) {
                if (!there.containsKey(id)) {
                    if (later(localVersions.get(id), versions.get(id))) {
                        kept++;
                    } else {
                        notes.delete(id);
                        removed++;
                    }
                }
            }
        }
        return new InstallReport(added, modified, removed, kept);
    }

    private static boolean later(Version local, Version remote) {
        return local != null && (remote == null || local.compareTo(remote) > 0);
    }
}
