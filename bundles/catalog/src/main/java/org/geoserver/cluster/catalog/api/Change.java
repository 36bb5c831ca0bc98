package org.geoserver.cluster.catalog.api;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A requested change: add, save or remove one object, from this node or from another one.
 *
 * @param operation what to do
 * @param info the object (for a removal only its id matters)
 * @param recursive for a removal: take the dependent objects too (GeoServer's {@code recurse=true})
 * @param origin null when made on this node, else the instance name of the node it comes from
 * @param styleBody for a style: the new content of its file, written with the change; null leaves the file as is
 * @param purge for a style removal: delete its file too (GeoServer's {@code purge=true})
 * @param condition checked while no other change can happen; when false the change is skipped.
 *     Lets the cluster compare versions and apply in one step. Null: always
 * @param user who made the change (a REST login, a shell user), on this node or on its origin; null when unknown
 */
public record Change(Operation operation, Info info, boolean recursive, String origin, byte[] styleBody, boolean purge, BooleanSupplier condition,
        String user) {

    public enum Operation {
        ADD,
        SAVE,
        REMOVE
    }

    public Change {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(info, "info");
    }

    public static Change add(Info info) {
        return new Change(Operation.ADD, info, false, null, null, false, null, null);
    }

    public static Change save(Info info) {
        return new Change(Operation.SAVE, info, false, null, null, false, null, null);
    }

    public static Change remove(Info info) {
        return new Change(Operation.REMOVE, info, false, null, null, false, null, null);
    }

    /** Removes the object and everything that depends on it (GeoServer's recurse=true). */
    public static Change removeRecursively(Info info) {
        return new Change(Operation.REMOVE, info, true, null, null, false, null, null);
    }

    /** The same change, applied on behalf of another node of the cluster. */
    public Change from(String originInstance) {
        return new Change(operation, info, recursive, originInstance, styleBody, purge, condition, user);
    }

    /** The same change, also writing the style's file. */
    public Change withStyleBody(byte[] body) {
        return new Change(operation, info, recursive, origin, body, purge, condition, user);
    }

    /** The same removal, also deleting the style's file. */
    public Change purging() {
        return new Change(operation, info, recursive, origin, styleBody, true, condition, user);
    }

    /** The same change, made only if the condition holds at the moment it would be applied. */
    public Change onlyIf(BooleanSupplier newCondition) {
        return new Change(operation, info, recursive, origin, styleBody, purge, newCondition, user);
    }

    /** The same change, made by this user. */
    public Change by(String changedBy) {
        return new Change(operation, info, recursive, origin, styleBody, purge, condition, changedBy);
    }
}
