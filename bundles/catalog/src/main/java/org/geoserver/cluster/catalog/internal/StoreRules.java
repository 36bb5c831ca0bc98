package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.IN_USE;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.NOT_FOUND;
import static org.geoserver.cluster.catalog.internal.RuleSupport.require;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireName;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireRef;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireUnique;

import java.util.List;
import java.util.Objects;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** Stores: one default per workspace, and their resources follow them into another workspace or out of the catalog. */
final class StoreRules implements TypeRules<StoreInfo> {

    private final CatalogRules rules;

    StoreRules(CatalogRules rules) {
        this.rules = rules;
    }

    @Override
    public void validate(CatalogState state, StoreInfo store, StoreInfo before) {
        requireName(store, store.getName());
        WorkspaceInfo workspace = requireRef(state, store.getWorkspace(), WorkspaceInfo.class, "workspace of store '" + store.getName() + "'");
        requireUnique(state, store, new Key.Store(workspace.getId(), store.getName()),
                "store '" + store.getName() + "' in workspace '" + workspace.getName() + "'");
    }

    @Override
    public void added(Transaction tx, StoreInfo store) {
        if (store.isDefault()) {
            clearOtherDefaultStores(tx, store);
        }
    }

    @Override
    public void saved(Transaction tx, StoreInfo before, StoreInfo after) {
        if (!Objects.equals(before.getWorkspace(), after.getWorkspace())) {
            moveResources(tx, after);
        }
        if (after.isDefault()) {
            clearOtherDefaultStores(tx, after);
        }
    }

    /** A store moved to another workspace takes its resources into that workspace's namespace. */
    private void moveResources(Transaction tx, StoreInfo store) {
        CatalogState state = tx.state();
        WorkspaceInfo workspace = state.get(store.getWorkspace(), WorkspaceInfo.class);
        NamespaceInfo namespace = state.namespace(workspace.getName());
        require(namespace != null, NOT_FOUND, "workspace '" + workspace.getName() + "' has no namespace to move the resources of store '" + store.getName() + "' to");
        for (ResourceInfo resource : state.referrers(new Referrers.ResourcesOfStore(store.getId()), ResourceInfo.class)) {
            ResourceInfo moved = Info.copyOf(resource);
            moved.setNamespace(namespace.getId());
            rules.validate(state, moved, resource);
            tx.modify(resource, moved);
        }
    }

    private static void clearOtherDefaultStores(Transaction tx, StoreInfo store) {
        for (StoreInfo other : tx.state().referrers(new Referrers.StoresOf(store.getWorkspace()), StoreInfo.class)) {
            if (other.isDefault() && !other.getId().equals(store.getId())) {
                StoreInfo cleared = Info.copyOf(other);
                cleared.setDefault(false);
                tx.modify(other, cleared);
            }
        }
    }

    @Override
    public void remove(Transaction tx, StoreInfo store, boolean recursive) {
        List<ResourceInfo> resources = tx.state().referrers(new Referrers.ResourcesOfStore(store.getId()), ResourceInfo.class);
        if (!recursive && !resources.isEmpty()) {
            throw new CatalogException(IN_USE, "store '" + store.getName() + "' has " + resources.size() + " resources: remove it recursively");
        }
        for (ResourceInfo resource : resources) {
            rules.removeDependent(tx, resource, true);
        }
        tx.remove(store);
    }

    @Override
    public boolean inUse(CatalogState state, StoreInfo store) {
        return state.hasReferrers(new Referrers.ResourcesOfStore(store.getId()));
    }
}
