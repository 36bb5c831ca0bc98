package org.geoserver.cluster.catalog.internal;

import org.geoserver.cluster.catalog.api.Info;

/**
 * The rules of one type of object, for {@link CatalogRules} to apply; each step does nothing unless
 * the type needs it. The derivations ({@link #complete}, {@link #added}, {@link #saved}, {@link
 * #remove}'s cascade) apply only to changes made on this node: another node's changes come with
 * their derived changes.
 */
interface TypeRules<T extends Info> {

    /** Checks an object against the state; {@code before} is the stored version when saving, null when adding. */
    void validate(CatalogState state, T info, T before);

    /** Fills in what a new object takes from what it refers to, before it is validated. */
    default void complete(CatalogState state, T info) {}

    /** The changes adding an object implies for others. */
    default void added(Transaction tx, T info) {}

    /** The changes a save implies for others. */
    default void saved(Transaction tx, T before, T after) {}

    /** Refuses a removal that is never allowed, wherever it comes from. */
    default void requireRemovable(T info) {}

    /** Removes an object and, when {@code recursive}, what depends on it; refuses otherwise while something does. */
    default void remove(Transaction tx, T info, boolean recursive) {
        tx.remove(info);
    }

    /** True while something depends on the object: a literal removal, whose sender removed the dependents first, is refused then. */
    default boolean inUse(CatalogState state, T info) {
        return false;
    }
}
