package org.geoserver.cluster.catalog.internal;

import java.util.List;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/**
 * A name that is unique within its scope, as one typed lookup of {@link CatalogState}. Scopes are
 * ids; a null workspace id is the global scope.
 */
sealed interface Key {

    record Workspace(String name) implements Key {}

    record Namespace(String prefix) implements Key {}

    record NamespaceUri(String uri) implements Key {}

    record Store(String workspaceId, String name) implements Key {}

    record Resource(String namespaceId, String name) implements Key {}

    /** At most one layer publishes a resource. */
    record LayerOf(String resourceId) implements Key {}

    record LayerGroup(String workspaceId, String name) implements Key {}

    record Style(String workspaceId, String name) implements Key {}

    record Settings(String workspaceId) implements Key {}

    record Service(String workspaceId, String serviceType) implements Key {}

    /** The keys an object is found by; they depend only on its own properties. */
    static List<Key> of(Info info) {
        return switch (info.type()) {
            case WORKSPACE -> List.of(new Workspace(((WorkspaceInfo) info).getName()));
            // An isolated namespace may share its URI with another one (GeoServer's isolated workspaces): only the others are found by URI.
            case NAMESPACE -> ((NamespaceInfo) info).isIsolated()
                    ? List.of(new Namespace(((NamespaceInfo) info).getPrefix()))
                    : List.of(new Namespace(((NamespaceInfo) info).getPrefix()), new NamespaceUri(((NamespaceInfo) info).getURI()));
            case DATASTORE, COVERAGESTORE, WMSSTORE, WMTSSTORE -> List.of(new Store(((StoreInfo) info).getWorkspace(), ((StoreInfo) info).getName()));
            case FEATURETYPE, COVERAGE, WMSLAYER, WMTSLAYER -> List.of(new Resource(((ResourceInfo) info).getNamespace(), ((ResourceInfo) info).getName()));
            case LAYER -> List.of(new LayerOf(((LayerInfo) info).getResource()));
            case LAYERGROUP -> List.of(new LayerGroup(((LayerGroupInfo) info).getWorkspace(), ((LayerGroupInfo) info).getName()));
            case STYLE -> List.of(new Style(((StyleInfo) info).getWorkspace(), ((StyleInfo) info).getName()));
            case SETTINGS -> List.of(new Settings(((SettingsInfo) info).getWorkspace()));
            case SERVICE -> List.of(new Service(((ServiceInfo) info).getWorkspace(), ((ServiceInfo) info).getServiceType()));
            case GLOBAL, LOGGING, DEFAULTS -> List.of();
        };
    }
}
