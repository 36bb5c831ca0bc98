package org.geoserver.cluster.catalog.api;

import java.util.Collection;
import java.util.List;

/**
 * The catalog and configuration of this node, as an OSGi service. Thread-safe: readers never block
 * each other; changes are applied one at a time, validated first (a refused change changes nothing),
 * persisted, then announced to {@link CatalogListener}s in commit order. Every object returned is a
 * copy that the caller may change and {@link #save}.
 */
public interface Catalog {

    // ---- look-ups ----

    /** Any object by id, or null. */
    Info getById(String id);

    /** An object of the given type (or subtype) by id, or null. */
    <T extends Info> T getById(String id, Class<T> type);

    /** Every object of the given type, including subtypes (e.g. StoreInfo gives every kind of store). */
    <T extends Info> List<T> list(Class<T> type);

    WorkspaceInfo getWorkspaceByName(String name);

    NamespaceInfo getNamespaceByPrefix(String prefix);

    NamespaceInfo getNamespaceByURI(String uri);

    /** A store by workspace name and store name; {@code type} may be StoreInfo for any kind. */
    <T extends StoreInfo> T getStoreByName(String workspace, String name, Class<T> type);

    /** A resource by workspace (namespace prefix) and name; {@code type} may be ResourceInfo. */
    <T extends ResourceInfo> T getResourceByName(String workspace, String name, Class<T> type);

    /** A layer by {@code ws:name}, or by bare name (default workspace first, then a unique match). */
    LayerInfo getLayerByName(String name);

    /** The layer publishing a resource, or null. */
    LayerInfo getLayerByResource(String resourceId);

    /** A layer group by name, global when {@code workspace} is null. */
    LayerGroupInfo getLayerGroupByName(String workspace, String name);

    /** A style by name, global when {@code workspace} is null. */
    StyleInfo getStyleByName(String workspace, String name);

    List<StoreInfo> getStoresByWorkspace(String workspaceId);

    List<ResourceInfo> getResourcesByStore(String storeId);

    WorkspaceInfo getDefaultWorkspace();

    NamespaceInfo getDefaultNamespace();

    /** The default store of a workspace, or null. */
    StoreInfo getDefaultStore(String workspaceId);

    // ---- configuration ----

    GeoServerInfo getGlobal();

    LoggingInfo getLogging();

    /** Settings of a workspace, or null when it has none. */
    SettingsInfo getSettings(String workspaceId);

    /** A service (wms, wfs, ...) of a workspace, or the global one when {@code workspaceId} is null. */
    ServiceInfo getService(String serviceType, String workspaceId);

    // ---- changes ----

    /**
     * Validates and applies a change; returns the events it produced (a recursive removal or a rename
     * can change several objects).
     *
     * @throws CatalogException if refused; then nothing changed
     */
    List<ChangeEvent> apply(Change change);

    /** Adds an object (an id is assigned when it has none) and returns the stored copy. */
    default <T extends Info> T add(T info) {
        Info added = apply(Change.add(info)).get(0).after();
        @SuppressWarnings("unchecked")
        T result = (T) added.copy();
        return result;
    }

    /** Saves a modified copy; returns the stored copy. */
    default <T extends Info> T save(T info) {
        apply(Change.save(info));
        @SuppressWarnings("unchecked")
        T result = (T) getById(info.getId(), info.getClass());
        return result;
    }

    default void remove(Info info) {
        apply(Change.remove(info));
    }

    default void removeRecursively(Info info) {
        apply(Change.removeRecursively(info));
    }

    /** Makes a workspace (and its namespace) the default. */
    default void setDefaultWorkspace(WorkspaceInfo workspace) {
        CatalogDefaults defaults = new CatalogDefaults();
        defaults.setDefaultWorkspace(workspace.getId());
        apply(Change.save(defaults));
    }

    /**
     * Replaces the whole content at once (loading the data directory, installing a snapshot). Objects
     * whose references cannot be resolved are left out and reported; listeners get
     * {@link CatalogListener#reloaded()}, not one event per object.
     *
     * @return one line per object left out, naming it and the reason
     */
    List<String> replaceAll(Collection<? extends Info> contents);

    /**
     * Makes the content equal to {@code contents} in one step, as changes that came from node
     * {@code origin} (installing its snapshot): the new content is validated as a whole, the
     * differences are written together, then announced one event per object. Readers see the old
     * content or the new, never a mix.
     *
     * @param styleBodies style file contents to write, by style id (those that differ from the files here)
     * @return the events, removals first (dependents before what they depend on), then additions and modifications
     * @throws CatalogException INVALID when an object cannot be resolved, PERSISTENCE when the files
     *     cannot be written; then nothing changed in memory
     */
    List<ChangeEvent> install(Collection<? extends Info> contents, java.util.Map<String, byte[]> styleBodies, String origin);
}
