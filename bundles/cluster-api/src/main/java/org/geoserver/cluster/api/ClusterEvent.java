package org.geoserver.cluster.api;

import java.util.List;
import java.util.Objects;

/**
 * One change of the configuration, as it travels between nodes.
 *
 * @param id unique id of the event
 * @param origin instance name of the node where the change was made
 * @param group the cluster group; nodes ignore other groups
 * @param sequence position in the origin's own order of changes, increasing (gaps allowed)
 * @param timestamp hybrid logical clock time of the change ({@link HybridLogicalClock})
 * @param operation what happened to the object
 * @param objectType the GeoServer XML root element of the object (workspace, layer, wms, ...)
 * @param objectId the object's id
 * @param payload the object in GeoServer's XML: after the change, or as it was for a removal
 * @param changedProperties for a modification, the names of the properties that changed
 * @param styleBody for a style, the content of its file; null when it has none
 * @param purge for a style removal, whether its file is deleted too
 * @param user who made the change on its origin (a REST login, a shell user); null when unknown
 * @param kind the kind of replicated configuration the object belongs to, naming the
 *     {@link ReplicatedResource} that applies it ({@link #CATALOG} for catalog and configuration objects)
 */
public record ClusterEvent(
        String id,
        String origin,
        String group,
        long sequence,
        long timestamp,
        Operation operation,
        String objectType,
        String objectId,
        String payload,
        List<String> changedProperties,
        byte[] styleBody,
        boolean purge,
        String user,
        String kind) {

    /** The kind of the catalog and configuration objects, and of every event written before events named their kind. */
    public static final String CATALOG = "catalog";

    public enum Operation {
        ADD,
        MODIFY,
        REMOVE
    }

    /** A catalog event. */
    public ClusterEvent(String id, String origin, String group, long sequence, long timestamp, Operation operation, String objectType, String objectId,
            String payload, List<String> changedProperties, byte[] styleBody, boolean purge, String user) {
        this(id, origin, group, sequence, timestamp, operation, objectType, objectId, payload, changedProperties, styleBody, purge, user, CATALOG);
    }

    /** A catalog event whose author is unknown. */
    public ClusterEvent(String id, String origin, String group, long sequence, long timestamp, Operation operation, String objectType, String objectId,
            String payload, List<String> changedProperties, byte[] styleBody, boolean purge) {
        this(id, origin, group, sequence, timestamp, operation, objectType, objectId, payload, changedProperties, styleBody, purge, null);
    }

    public ClusterEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(kind, "kind");
        changedProperties = List.copyOf(changedProperties);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterEvent other
                && id.equals(other.id)
                && origin.equals(other.origin)
                && group.equals(other.group)
                && sequence == other.sequence
                && timestamp == other.timestamp
                && operation == other.operation
                && objectType.equals(other.objectType)
                && objectId.equals(other.objectId)
                && payload.equals(other.payload)
                && changedProperties.equals(other.changedProperties)
                && java.util.Arrays.equals(styleBody, other.styleBody)
                && purge == other.purge
                && Objects.equals(user, other.user)
                && kind.equals(other.kind);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "event " + id + " (" + operation + " " + (kind.equals(CATALOG) ? "" : kind + " ") + objectType + " " + objectId + ", #" + sequence + " from " + origin + ")";
    }
}
