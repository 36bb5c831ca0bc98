package org.geoserver.cluster.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.geoserver.cluster.api.ReplicationLedger.Version;

/**
 * The whole configuration of a node at one moment, with what its ledger knew then, so that another
 * node can take it over (a new node, one that was away too long, one that drifted).
 *
 * @param origin the node that took it
 * @param group its group
 * @param takenAt when, milliseconds since the epoch
 * @param objects every replicated object, of every kind
 * @param versions the ledger's version of every object, removed ones included
 * @param progress the last event handled per origin
 * @param pending events the node handled but could not apply yet (waiting for references)
 */
public record ConfigurationSnapshot(
        String origin, String group, long takenAt, List<SnapshotObject> objects, Map<String, Version> versions, Map<String, Long> progress,
        List<ClusterEvent> pending) {

    /**
     * One object.
     *
     * @param type the GeoServer XML root element (workspace, layer, wms, ...)
     * @param id its id
     * @param xml the object in GeoServer's XML
     * @param styleBody for a style, the content of its file; null when it has none
     * @param kind the kind of replicated configuration it belongs to ({@link ReplicatedResource})
     */
    public record SnapshotObject(String type, String id, String xml, byte[] styleBody, String kind) {

        /** A catalog object. */
        public SnapshotObject(String type, String id, String xml, byte[] styleBody) {
            this(type, id, xml, styleBody, ClusterEvent.CATALOG);
        }

        public SnapshotObject {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(xml, "xml");
        }
    }

    public ConfigurationSnapshot {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(group, "group");
        objects = List.copyOf(objects);
        versions = Map.copyOf(versions);
        progress = Map.copyOf(progress);
        pending = List.copyOf(pending);
    }

    @Override
    public String toString() {
        return "snapshot of " + origin + " (" + objects.size() + " objects, " + versions.size() + " versions, taken at " + takenAt + ")";
    }
}
