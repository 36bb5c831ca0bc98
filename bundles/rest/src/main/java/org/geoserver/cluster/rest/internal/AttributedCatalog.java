package org.geoserver.cluster.rest.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.GeoServerInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.LoggingInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/**
 * The catalog as the API's endpoints use it: every change made while a request is served carries
 * that request's user, for the audit log here and on every node the change reaches. The user
 * belongs to the serving thread (one per request), so endpoints need not pass it along.
 */
final class AttributedCatalog implements Catalog {

    private final Catalog catalog;
    private final ThreadLocal<String> user = new ThreadLocal<>();

    AttributedCatalog(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Runs the work with its changes made by this user (null: unknown). */
    <T> T as(String name, Supplier<T> work) {
        String outer = user.get();
        user.set(name);
        try {
            return work.get();
        } finally {
            user.set(outer);
        }
    }

    @Override
    public List<ChangeEvent> apply(Change change) {
        String name = user.get();
        return catalog.apply(name == null ? change : change.by(name));
    }

    @Override
    public Info getById(String id) {
        return catalog.getById(id);
    }

    @Override
    public <T extends Info> T getById(String id, Class<T> type) {
        return catalog.getById(id, type);
    }

    @Override
    public <T extends Info> List<T> list(Class<T> type) {
        return catalog.list(type);
    }

    @Override
    public WorkspaceInfo getWorkspaceByName(String name) {
        return catalog.getWorkspaceByName(name);
    }

    @Override
    public NamespaceInfo getNamespaceByPrefix(String prefix) {
        return catalog.getNamespaceByPrefix(prefix);
    }

    @Override
    public NamespaceInfo getNamespaceByURI(String uri) {
        return catalog.getNamespaceByURI(uri);
    }

    @Override
    public <T extends StoreInfo> T getStoreByName(String workspace, String name, Class<T> type) {
        return catalog.getStoreByName(workspace, name, type);
    }

    @Override
    public <T extends ResourceInfo> T getResourceByName(String workspace, String name, Class<T> type) {
        return catalog.getResourceByName(workspace, name, type);
    }

    @Override
    public LayerInfo getLayerByName(String name) {
        return catalog.getLayerByName(name);
    }

    @Override
    public LayerInfo getLayerByResource(String resourceId) {
        return catalog.getLayerByResource(resourceId);
    }

    @Override
    public LayerGroupInfo getLayerGroupByName(String workspace, String name) {
        return catalog.getLayerGroupByName(workspace, name);
    }

    @Override
    public StyleInfo getStyleByName(String workspace, String name) {
        return catalog.getStyleByName(workspace, name);
    }

    @Override
    public List<StoreInfo> getStoresByWorkspace(String workspaceId) {
        return catalog.getStoresByWorkspace(workspaceId);
    }

    @Override
    public List<ResourceInfo> getResourcesByStore(String storeId) {
        return catalog.getResourcesByStore(storeId);
    }

    @Override
    public WorkspaceInfo getDefaultWorkspace() {
        return catalog.getDefaultWorkspace();
    }

    @Override
    public NamespaceInfo getDefaultNamespace() {
        return catalog.getDefaultNamespace();
    }

    @Override
    public StoreInfo getDefaultStore(String workspaceId) {
        return catalog.getDefaultStore(workspaceId);
    }

    @Override
    public GeoServerInfo getGlobal() {
        return catalog.getGlobal();
    }

    @Override
    public LoggingInfo getLogging() {
        return catalog.getLogging();
    }

    @Override
    public SettingsInfo getSettings(String workspaceId) {
        return catalog.getSettings(workspaceId);
    }

    @Override
    public ServiceInfo getService(String serviceType, String workspaceId) {
        return catalog.getService(serviceType, workspaceId);
    }

    @Override
    public List<String> replaceAll(Collection<? extends Info> contents) {
        return catalog.replaceAll(contents);
    }

    @Override
    public List<ChangeEvent> install(Collection<? extends Info> contents, Map<String, byte[]> styleBodies, String origin) {
        return catalog.install(contents, styleBodies, origin);
    }
}
