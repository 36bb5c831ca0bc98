package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.IN_USE;
import static org.geoserver.cluster.catalog.internal.RuleSupport.require;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireName;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireRef;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireUnique;

import java.util.Objects;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** Resources: in the namespace of their store's workspace, sharing their name with the layer publishing them. */
final class ResourceRules implements TypeRules<ResourceInfo> {

    private final CatalogRules rules;

    ResourceRules(CatalogRules rules) {
        this.rules = rules;
    }

    @Override
    public void complete(CatalogState state, ResourceInfo resource) {
        if (resource.getNativeName() == null) {
            resource.setNativeName(resource.getName());
        }
    }

    @Override
    public void validate(CatalogState state, ResourceInfo resource, ResourceInfo before) {
        requireName(resource, resource.getName());
        NamespaceInfo namespace = requireRef(state, resource.getNamespace(), NamespaceInfo.class, "namespace of resource '" + resource.getName() + "'");
        StoreInfo store = requireRef(state, resource.getStore(), StoreInfo.class, "store of resource '" + resource.getName() + "'");
        WorkspaceInfo storeWorkspace = state.get(store.getWorkspace(), WorkspaceInfo.class);
        require(storeWorkspace != null && storeWorkspace.getName().equals(namespace.getPrefix()), INVALID,
                "resource '" + resource.getName() + "' is in namespace '" + namespace.getPrefix() + "' but its store '" + store.getName()
                        + "' is in workspace '" + (storeWorkspace == null ? null : storeWorkspace.getName()) + "'");
        requireUnique(state, resource, new Key.Resource(namespace.getId(), resource.getName()),
                "resource '" + resource.getName() + "' in workspace '" + namespace.getPrefix() + "'");
    }

    @Override
    public void saved(Transaction tx, ResourceInfo before, ResourceInfo after) {
        LayerInfo layer = tx.state().lookup(new Key.LayerOf(after.getId()), LayerInfo.class);
        if (layer != null && !Objects.equals(layer.getName(), after.getName())) {
            LayerInfo renamed = Info.copyOf(layer);
            renamed.setName(after.getName());
            tx.modify(layer, renamed);
        }
    }

    @Override
    public void remove(Transaction tx, ResourceInfo resource, boolean recursive) {
        LayerInfo layer = tx.state().lookup(new Key.LayerOf(resource.getId()), LayerInfo.class);
        if (layer != null) {
            if (!recursive) {
                throw new CatalogException(IN_USE, "resource '" + resource.getName() + "' is published by layer '" + layer.getName() + "': remove it recursively");
            }
            rules.removeDependent(tx, layer, true);
        }
        tx.remove(resource);
    }

    @Override
    public boolean inUse(CatalogState state, ResourceInfo resource) {
        return state.lookup(new Key.LayerOf(resource.getId())) != null;
    }
}
