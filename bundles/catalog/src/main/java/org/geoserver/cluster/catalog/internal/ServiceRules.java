package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.internal.RuleSupport.inWorkspace;
import static org.geoserver.cluster.catalog.internal.RuleSupport.require;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireRef;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireUnique;

import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** Services: one of each type globally and per workspace; only a workspace's own may be removed. */
final class ServiceRules implements TypeRules<ServiceInfo> {

    @Override
    public void validate(CatalogState state, ServiceInfo service, ServiceInfo before) {
        if (service.getWorkspace() != null) {
            requireRef(state, service.getWorkspace(), WorkspaceInfo.class, "workspace of " + service);
        }
        requireUnique(state, service, new Key.Service(service.getWorkspace(), service.getServiceType()),
                "a " + service.getServiceType() + " service" + inWorkspace(state, service.getWorkspace()));
    }

    @Override
    public void requireRemovable(ServiceInfo service) {
        require(service.getWorkspace() != null, INVALID, "the global " + service.getServiceType() + " service cannot be removed");
    }
}
