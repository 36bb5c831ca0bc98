package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.internal.RuleSupport.require;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireName;
import static org.geoserver.cluster.catalog.internal.RuleSupport.requireUnique;

import java.util.Objects;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** Namespaces: a unique prefix and URI, renamed and removed together with the workspace of the same name. */
final class NamespaceRules implements TypeRules<NamespaceInfo> {

    private final CatalogRules rules;

    NamespaceRules(CatalogRules rules) {
        this.rules = rules;
    }

    @Override
    public void validate(CatalogState state, NamespaceInfo namespace, NamespaceInfo before) {
        requireName(namespace, namespace.getPrefix());
        require(RuleSupport.WORKSPACE_NAME.matcher(namespace.getPrefix()).matches(), INVALID,
                "namespace prefix '" + namespace.getPrefix() + "' must not contain spaces, ':', '/' or '\\'");
        require(namespace.getURI() != null && !namespace.getURI().isBlank(), INVALID, "namespace '" + namespace.getPrefix() + "' needs a URI");
        requireUnique(state, namespace, new Key.Namespace(namespace.getPrefix()), "namespace '" + namespace.getPrefix() + "'");
        if (!namespace.isIsolated()) {
            requireUnique(state, namespace, new Key.NamespaceUri(namespace.getURI()), "namespace URI '" + namespace.getURI() + "'");
        }
    }

    @Override
    public void saved(Transaction tx, NamespaceInfo before, NamespaceInfo after) {
        if (Objects.equals(before.getPrefix(), after.getPrefix())) {
            return;
        }
        WorkspaceInfo workspace = tx.state().workspace(before.getPrefix());
        if (workspace != null) {
            WorkspaceInfo renamed = Info.copyOf(workspace);
            renamed.setName(after.getPrefix());
            rules.validate(tx.state(), renamed, workspace);
            tx.modify(workspace, renamed);
        }
    }

    @Override
    public void remove(Transaction tx, NamespaceInfo namespace, boolean recursive) {
        WorkspaceInfo workspace = tx.state().workspace(namespace.getPrefix());
        if (workspace != null) {
            rules.removeDependent(tx, workspace, recursive); // a namespace goes with its workspace
        } else {
            tx.remove(namespace);
        }
    }

    @Override
    public boolean inUse(CatalogState state, NamespaceInfo namespace) {
        return state.hasReferrers(new Referrers.ResourcesOfNamespace(namespace.getId()));
    }
}
