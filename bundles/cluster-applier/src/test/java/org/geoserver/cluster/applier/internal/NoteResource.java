package org.geoserver.cluster.applier.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.ConfigurationSnapshots.InstallReport;
import org.geoserver.cluster.api.ReplicatedResource;
import org.geoserver.cluster.api.ReplicationLedger.Version;

/**
 * A test-only kind, "notes": texts by id. A note whose text is "refuse" is refused; one whose text
 * is "after:ID" waits until note ID exists. It shows that the applier knows no kind.
 */
final class NoteResource implements ReplicatedResource {

    static final String KIND = "notes";

    final Map<String, String> notes = new TreeMap<>();
    int syncs;

    static ClusterEvent event(String id, String origin, long sequence, long timestamp, ClusterEvent.Operation operation, String text) {
        return new ClusterEvent(origin + "-" + sequence, origin, "g", sequence, timestamp, operation, "note", id, text, List.of(), null, false, null, KIND);
    }

    @Override
    public synchronized Applied apply(ClusterEvent event, BooleanSupplier newer) {
        if (event.payload().equals("refuse")) {
            return Applied.refused("note " + event.objectId() + " is refused");
        }
        if (event.payload().startsWith("after:") && !notes.containsKey(event.payload().substring(6))) {
            return Applied.waiting("note " + event.payload().substring(6) + " is missing");
        }
        if (!newer.getAsBoolean()) {
            return Applied.NOT_NEWER;
        }
        if (event.operation() == ClusterEvent.Operation.REMOVE) {
            notes.remove(event.objectId());
        } else {
            notes.put(event.objectId(), event.payload());
        }
        return Applied.APPLIED;
    }

    @Override
    public synchronized void sync() {
        syncs++;
    }

    @Override
    public synchronized Map<String, String> digests() {
        Map<String, String> digests = new TreeMap<>();
        notes.forEach((id, text) -> digests.put("note " + id, Integer.toHexString(text.hashCode())));
        return digests;
    }

    @Override
    public synchronized List<SnapshotObject> export() {
        List<SnapshotObject> objects = new ArrayList<>();
        notes.forEach((id, text) -> objects.add(new SnapshotObject("note", id, text, null, KIND)));
        return objects;
    }

    @Override
    public synchronized InstallReport install(List<SnapshotObject> objects, Map<String, Version> versions, Map<String, Version> localVersions,
            String origin) {
        int before = notes.size();
        notes.clear();
        objects.forEach(object -> notes.put(object.id(), object.xml()));
        return new InstallReport(Math.max(0, notes.size() - before), 0, Math.max(0, before - notes.size()), 0);
    }
}
