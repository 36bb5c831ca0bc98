package org.geoserver.cluster.catalog.api;

import java.util.List;

/**
 * A committed change of one object. Events are delivered in commit order, after the change is
 * visible in the catalog and written by the persistence service.
 *
 * @param sequence position in this catalog's commit order
 * @param kind what happened
 * @param before the object before the change, null for an addition
 * @param after the object after the change, null for a removal
 * @param changes for a modification, the properties that changed with old and new values
 * @param origin null for a change made on this node; the instance name of the node it came from for
 *     a change applied from the cluster (so capture does not send it back)
 * @param styleBody for a style whose file the change wrote, the new content; else null
 * @param purge for a style removal, whether its file is deleted too
 * @param user who made the change, on this node or on its origin; null when unknown
 */
public record ChangeEvent(long sequence, Kind kind, Info before, Info after, List<PropertyChange> changes, String origin, byte[] styleBody, boolean purge,
        String user) {

    /** A change whose author is unknown. */
    public ChangeEvent(long sequence, Kind kind, Info before, Info after, List<PropertyChange> changes, String origin, byte[] styleBody, boolean purge) {
        this(sequence, kind, before, after, changes, origin, styleBody, purge, null);
    }

    public enum Kind {
        ADD,
        MODIFY,
        REMOVE
    }

    /** The object as it is now, or as it was when removed. */
    public Info info() {
        return after != null ? after : before;
    }

    public boolean isLocal() {
        return origin == null;
    }

    public List<String> propertyNames() {
        return changes.stream().map(PropertyChange::name).toList();
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + kind + " " + info() + (changes.isEmpty() ? "" : " " + propertyNames())
                + (styleBody == null ? "" : " with a " + styleBody.length + " byte style file") + (origin == null ? "" : " from " + origin);
    }
}
