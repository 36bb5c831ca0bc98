package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.DUPLICATE;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.IN_USE;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.NOT_FOUND;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogInfo;
import org.geoserver.cluster.catalog.api.ConfigInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo.Published;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/**
 * GeoServer's catalog rules: what may be added, saved and removed, and what a change implies for
 * other objects (a workspace and its namespace stay paired, a layer and its resource share a name,
 * a recursive removal takes the dependent objects with it). Changes coming from another node are
 * applied literally: the node they come from already derived and sent the implied changes.
 */
final class CatalogRules {

    /** Styles GeoServer creates in every data directory and will not delete. */
    static final Set<String> DEFAULT_STYLES = Set.of("point", "line", "polygon", "raster", "generic");

    private static final Pattern WORKSPACE_NAME = Pattern.compile("[^\\s:/\\\\]+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    CatalogRules(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ add

    void add(Transaction tx, Info requested) {
        Info info = requested.copy();
        if (!tx.literal() && info.getId() == null) {
            info.setId(info.type().newId(info));
        }
        require(info.getId() != null && !info.getId().isBlank(), INVALID, info.type() + " to add has no id");
        if (tx.state().get(info.getId()) != null) {
            throw new CatalogException(DUPLICATE, info.type() + " id " + info.getId() + " already exists");
        }
        require(!info.type().isSingleton(), INVALID, info.type() + " always exists: save it instead of adding it");
        if (!tx.literal() && info instanceof CatalogInfo catalogInfo && catalogInfo.getDateCreated() == null) {
            catalogInfo.setXml(catalogInfo.xml().withChildText("dateCreated", now()));
        }
        if (info instanceof LayerInfo layer && !tx.literal()) {
            completeLayer(tx.state(), layer);
        }
        if (info instanceof ResourceInfo resource && resource.getNativeName() == null && !tx.literal()) {
            resource.setNativeName(resource.getName());
        }
        require(!tx.writesStyleBody() || info instanceof StyleInfo, INVALID, "only a style has a style file: " + info);
        validate(tx.state(), info, null);
        tx.add(info);
        if (tx.literal()) {
            return;
        }
        // Keep workspace and namespace paired, as GeoServer's REST and UI do.
        if (info instanceof WorkspaceInfo workspace && namespace(tx.state(), workspace.getName()) == null) {
            NamespaceInfo namespace = NamespaceInfo.of(workspace.getName(), "http://" + workspace.getName());
            namespace.setId(InfoType.NAMESPACE.newId(namespace));
            validate(tx.state(), namespace, null);
            tx.add(namespace);
        }
        if (info instanceof StoreInfo store && store.isDefault()) {
            clearOtherDefaultStores(tx, store);
        }
        if (tx.state().defaults() == null && info instanceof WorkspaceInfo workspace) {
            CatalogDefaults defaults = new CatalogDefaults();
            defaults.setDefaultWorkspace(workspace.getId());
            tx.add(defaults);
        }
    }

    // ------------------------------------------------------------------ save

    void save(Transaction tx, Info requested) {
        Info info = requested.copy();
        Info before = tx.state().get(info.getId());
        if (info.type() == InfoType.DEFAULTS && before == null) {
            validate(tx.state(), info, null);
            tx.add(info);
            return;
        }
        if (before == null) {
            throw new CatalogException(NOT_FOUND, "cannot save " + info + ": no such object");
        }
        require(before.type() == info.type(), INVALID, "cannot save " + info + " over " + before + ": the type differs");
        boolean newBody = tx.writesStyleBody();
        require(!newBody || info instanceof StyleInfo, INVALID, "only a style has a style file: " + info);
        if (before.xml().equals(info.xml()) && !newBody) {
            return;
        }
        if (!tx.literal() && info instanceof CatalogInfo catalogInfo) {
            catalogInfo.setXml(catalogInfo.xml().withChildText("dateModified", now()));
        }
        validate(tx.state(), info, before);
        tx.modify(before, info, newBody);
        if (tx.literal()) {
            return;
        }
        derive(tx, before, info);
    }

    /** The changes a save implies for other objects. */
    private void derive(Transaction tx, Info before, Info after) {
        CatalogState state = tx.state();
        if (after instanceof WorkspaceInfo workspace && !Objects.equals(((WorkspaceInfo) before).getName(), workspace.getName())) {
            NamespaceInfo namespace = namespace(state, ((WorkspaceInfo) before).getName());
            if (namespace != null) {
                NamespaceInfo renamed = Info.copyOf(namespace);
                renamed.setPrefix(workspace.getName());
                validate(state, renamed, namespace);
                tx.modify(namespace, renamed);
            }
        } else if (after instanceof NamespaceInfo namespace && !Objects.equals(((NamespaceInfo) before).getPrefix(), namespace.getPrefix())) {
            WorkspaceInfo workspace = workspace(state, ((NamespaceInfo) before).getPrefix());
            if (workspace != null) {
                WorkspaceInfo renamed = Info.copyOf(workspace);
                renamed.setName(namespace.getPrefix());
                validate(state, renamed, workspace);
                tx.modify(workspace, renamed);
            }
        } else if (after instanceof ResourceInfo resource) {
            LayerInfo layer = state.lookup(new Key.LayerOf(resource.getId()), LayerInfo.class);
            if (layer != null && !Objects.equals(layer.getName(), resource.getName())) {
                LayerInfo renamed = Info.copyOf(layer);
                renamed.setName(resource.getName());
                tx.modify(layer, renamed);
            }
        } else if (after instanceof LayerInfo layer) {
            ResourceInfo resource = state.get(layer.getResource(), ResourceInfo.class);
            if (resource != null && !Objects.equals(layer.getName(), resource.getName())) {
                ResourceInfo renamed = Info.copyOf(resource);
                renamed.setName(layer.getName());
                validate(state, renamed, resource);
                tx.modify(resource, renamed);
            }
        } else if (after instanceof StoreInfo store) {
            if (!Objects.equals(((StoreInfo) before).getWorkspace(), store.getWorkspace())) {
                moveResources(tx, store);
            }
            if (store.isDefault()) {
                clearOtherDefaultStores(tx, store);
            }
        }
    }

    /** A store moved to another workspace takes its resources into that workspace's namespace. */
    private void moveResources(Transaction tx, StoreInfo store) {
        WorkspaceInfo workspace = tx.state().get(store.getWorkspace(), WorkspaceInfo.class);
        NamespaceInfo namespace = namespace(tx.state(), workspace.getName());
        require(namespace != null, NOT_FOUND, "workspace '" + workspace.getName() + "' has no namespace to move the resources of store '" + store.getName() + "' to");
        for (ResourceInfo resource : resourcesOf(tx.state(), store.getId())) {
            ResourceInfo moved = Info.copyOf(resource);
            moved.setNamespace(namespace.getId());
            validate(tx.state(), moved, resource);
            tx.modify(resource, moved);
        }
    }

    private void clearOtherDefaultStores(Transaction tx, StoreInfo store) {
        for (StoreInfo other : storesOf(tx.state(), store.getWorkspace())) {
            if (other.isDefault() && !other.getId().equals(store.getId())) {
                StoreInfo cleared = Info.copyOf(other);
                cleared.setDefault(false);
                tx.modify(other, cleared);
            }
        }
    }

    // ------------------------------------------------------------------ remove

    void remove(Transaction tx, Info requested, boolean recursive) {
        Info info = tx.state().get(requested.getId());
        if (info == null) {
            throw new CatalogException(NOT_FOUND, "cannot remove " + requested + ": no such object");
        }
        require(!info.type().isSingleton(), INVALID, info.type() + " cannot be removed");
        if (info instanceof ServiceInfo service) {
            require(service.getWorkspace() != null, INVALID, "the global " + service.getServiceType() + " service cannot be removed");
        }
        if (tx.literal()) {
            requireUnused(tx.state(), info);
            tx.remove(info);
            return;
        }
        if (info instanceof NamespaceInfo namespace) {
            // A namespace goes with its workspace.
            WorkspaceInfo workspace = workspace(tx.state(), namespace.getPrefix());
            if (workspace != null) {
                removeWorkspace(tx, workspace, recursive);
                return;
            }
        }
        if (info instanceof WorkspaceInfo workspace) {
            removeWorkspace(tx, workspace, recursive);
        } else if (info instanceof StoreInfo store) {
            removeStore(tx, store, recursive);
        } else if (info instanceof ResourceInfo resource) {
            removeResource(tx, resource, recursive);
        } else if (info instanceof LayerInfo layer) {
            removeLayer(tx, layer, recursive);
        } else if (info instanceof LayerGroupInfo group) {
            removeGroup(tx, group, recursive);
        } else if (info instanceof StyleInfo style) {
            removeStyle(tx, style, recursive);
        } else {
            tx.remove(info);
        }
    }

    private void removeWorkspace(Transaction tx, WorkspaceInfo workspace, boolean recursive) {
        CatalogState state = tx.state();
        List<StoreInfo> stores = storesOf(state, workspace.getId());
        List<StyleInfo> styles = state.referrers(new Referrers.StylesIn(workspace.getId()), StyleInfo.class);
        List<LayerGroupInfo> groups = state.referrers(new Referrers.GroupsIn(workspace.getId()), LayerGroupInfo.class);
        if (!recursive && !(stores.isEmpty() && styles.isEmpty() && groups.isEmpty())) {
            throw new CatalogException(IN_USE, "workspace '" + workspace.getName() + "' is not empty (" + stores.size() + " stores, "
                    + styles.size() + " styles, " + groups.size() + " layer groups): remove it recursively");
        }
        for (LayerGroupInfo group : groups) {
            if (state.get(group.getId()) != null) {
                removeGroup(tx, state.get(group.getId(), LayerGroupInfo.class), true);
            }
        }
        for (StoreInfo store : stores) {
            removeStore(tx, store, true);
        }
        for (StyleInfo style : styles) {
            removeStyle(tx, state.get(style.getId(), StyleInfo.class), true);
        }
        for (ConfigInfo config : state.referrers(new Referrers.ConfigsIn(workspace.getId()), ConfigInfo.class)) {
            tx.remove(config);
        }
        NamespaceInfo namespace = namespace(state, workspace.getName());
        if (namespace != null) {
            requireNoResources(state, namespace);
            tx.remove(namespace);
        }
        tx.remove(workspace);
        CatalogDefaults defaults = state.defaults();
        if (defaults != null && workspace.getId().equals(defaults.getDefaultWorkspace())) {
            CatalogDefaults replaced = Info.copyOf(defaults);
            List<WorkspaceInfo> remaining = state.all(WorkspaceInfo.class);
            replaced.setDefaultWorkspace(remaining.isEmpty() ? null : remaining.get(0).getId());
            tx.modify(defaults, replaced);
        }
    }

    private void removeStore(Transaction tx, StoreInfo store, boolean recursive) {
        List<ResourceInfo> resources = resourcesOf(tx.state(), store.getId());
        if (!recursive && !resources.isEmpty()) {
            throw new CatalogException(IN_USE, "store '" + store.getName() + "' has " + resources.size() + " resources: remove it recursively");
        }
        for (ResourceInfo resource : resources) {
            removeResource(tx, resource, true);
        }
        tx.remove(store);
    }

    private void removeResource(Transaction tx, ResourceInfo resource, boolean recursive) {
        LayerInfo layer = tx.state().lookup(new Key.LayerOf(resource.getId()), LayerInfo.class);
        if (layer != null) {
            if (!recursive) {
                throw new CatalogException(IN_USE, "resource '" + resource.getName() + "' is published by layer '" + layer.getName() + "': remove it recursively");
            }
            removeLayer(tx, layer, true);
        }
        tx.remove(resource);
    }

    private void removeLayer(Transaction tx, LayerInfo layer, boolean recursive) {
        removeFromGroups(tx, Published.layer(layer.getId()), "layer '" + layer.getName() + "'", recursive);
        tx.remove(layer);
    }

    private void removeGroup(Transaction tx, LayerGroupInfo group, boolean recursive) {
        removeFromGroups(tx, Published.group(group.getId()), "layer group '" + group.getName() + "'", recursive);
        tx.remove(group);
    }

    /** Takes a member out of every group holding it; a group left empty is removed too. */
    private void removeFromGroups(Transaction tx, Published member, String what, boolean recursive) {
        List<LayerGroupInfo> containing = groupsContaining(tx.state(), member.id());
        if (!recursive && !containing.isEmpty()) {
            throw new CatalogException(IN_USE, what + " is in layer group '" + containing.get(0).getName() + "': remove it recursively");
        }
        for (LayerGroupInfo group : containing) {
            List<Published> members = new ArrayList<>(group.getPublishables());
            List<String> styles = new ArrayList<>(group.getStyles());
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).id().equals(member.id())) {
                    members.remove(i);
                    if (i < styles.size()) {
                        styles.remove(i);
                    }
                }
            }
            if (members.isEmpty()) {
                removeGroup(tx, group, true);
            } else {
                LayerGroupInfo updated = Info.copyOf(group);
                updated.setPublishables(members);
                if (!group.getStyles().isEmpty()) {
                    updated.setStyles(styles);
                }
                tx.modify(group, updated);
            }
        }
    }

    private void removeStyle(Transaction tx, StyleInfo style, boolean recursive) {
        CatalogState state = tx.state();
        if (style.getWorkspace() == null && DEFAULT_STYLES.contains(style.getName())) {
            throw new CatalogException(IN_USE, "style '" + style.getName() + "' is one of GeoServer's default styles and cannot be removed");
        }
        List<LayerInfo> layers = state.referrers(new Referrers.LayersUsingStyle(style.getId()), LayerInfo.class);
        List<LayerGroupInfo> groups = state.referrers(new Referrers.GroupsUsingStyle(style.getId()), LayerGroupInfo.class);
        if (!recursive && !(layers.isEmpty() && groups.isEmpty())) {
            String user = layers.isEmpty() ? "layer group '" + groups.get(0).getName() + "'" : "layer '" + layers.get(0).getName() + "'";
            throw new CatalogException(IN_USE, "style '" + style.getName() + "' is used by " + user + ": remove it recursively");
        }
        for (LayerInfo layer : layers) {
            LayerInfo updated = Info.copyOf(layer);
            List<String> styles = new ArrayList<>(layer.getStyles());
            styles.remove(style.getId());
            updated.setStyles(styles);
            if (style.getId().equals(layer.getDefaultStyle())) {
                StyleInfo fallback = state.lookup(new Key.Style(null, "RASTER".equals(layer.getLayerType()) ? "raster" : "generic"), StyleInfo.class);
                updated.setDefaultStyle(fallback == null ? null : fallback.getId());
            }
            tx.modify(layer, updated);
        }
        for (LayerGroupInfo group : groups) {
            LayerGroupInfo updated = Info.copyOf(group);
            List<String> styles = new ArrayList<>(group.getStyles());
            styles.replaceAll(id -> style.getId().equals(id) ? null : id);
            updated.setStyles(styles);
            tx.modify(group, updated);
        }
        tx.remove(style);
    }

    /** For literal removals: the sender removed the dependents first; refuse if some are still here. */
    private void requireUnused(CatalogState state, Info info) {
        boolean used = false;
        if (info instanceof WorkspaceInfo w) {
            used = state.hasReferrers(new Referrers.StoresOf(w.getId())) || state.hasReferrers(new Referrers.StylesIn(w.getId()))
                    || state.hasReferrers(new Referrers.GroupsIn(w.getId()));
        } else if (info instanceof StoreInfo s) {
            used = state.hasReferrers(new Referrers.ResourcesOfStore(s.getId()));
        } else if (info instanceof ResourceInfo r) {
            used = state.lookup(new Key.LayerOf(r.getId())) != null;
        } else if (info instanceof LayerInfo || info instanceof LayerGroupInfo) {
            used = state.hasReferrers(new Referrers.GroupsContaining(info.getId()));
        } else if (info instanceof NamespaceInfo n) {
            used = hasResources(state, n);
        }
        if (used) {
            throw new CatalogException(IN_USE, info + " is still in use here");
        }
    }

    // ------------------------------------------------------------------ validation

    /** Checks one object against the state; {@code before} is the stored version when saving. */
    void validate(CatalogState state, Info info, Info before) {
        if (info instanceof WorkspaceInfo workspace) {
            requireName(workspace, workspace.getName());
            require(WORKSPACE_NAME.matcher(workspace.getName()).matches(), INVALID,
                    "workspace name '" + workspace.getName() + "' must not contain spaces, ':', '/' or '\\'");
            require(!"default".equals(workspace.getName()), INVALID, "'default' is reserved and cannot be a workspace name");
            requireUnique(state, info, new Key.Workspace(workspace.getName()), "workspace '" + workspace.getName() + "'");
        } else if (info instanceof NamespaceInfo namespace) {
            requireName(namespace, namespace.getPrefix());
            require(WORKSPACE_NAME.matcher(namespace.getPrefix()).matches(), INVALID,
                    "namespace prefix '" + namespace.getPrefix() + "' must not contain spaces, ':', '/' or '\\'");
            require(namespace.getURI() != null && !namespace.getURI().isBlank(), INVALID, "namespace '" + namespace.getPrefix() + "' needs a URI");
            requireUnique(state, info, new Key.Namespace(namespace.getPrefix()), "namespace '" + namespace.getPrefix() + "'");
            if (!namespace.isIsolated()) {
                requireUnique(state, info, new Key.NamespaceUri(namespace.getURI()), "namespace URI '" + namespace.getURI() + "'");
            }
        } else if (info instanceof StoreInfo store) {
            requireName(store, store.getName());
            WorkspaceInfo workspace = requireRef(state, store.getWorkspace(), WorkspaceInfo.class, "workspace of store '" + store.getName() + "'");
            requireUnique(state, info, new Key.Store(workspace.getId(), store.getName()),
                    "store '" + store.getName() + "' in workspace '" + workspace.getName() + "'");
        } else if (info instanceof ResourceInfo resource) {
            requireName(resource, resource.getName());
            NamespaceInfo namespace = requireRef(state, resource.getNamespace(), NamespaceInfo.class, "namespace of resource '" + resource.getName() + "'");
            StoreInfo store = requireRef(state, resource.getStore(), StoreInfo.class, "store of resource '" + resource.getName() + "'");
            WorkspaceInfo storeWorkspace = state.get(store.getWorkspace(), WorkspaceInfo.class);
            require(storeWorkspace != null && storeWorkspace.getName().equals(namespace.getPrefix()), INVALID,
                    "resource '" + resource.getName() + "' is in namespace '" + namespace.getPrefix() + "' but its store '" + store.getName()
                            + "' is in workspace '" + (storeWorkspace == null ? null : storeWorkspace.getName()) + "'");
            requireUnique(state, info, new Key.Resource(namespace.getId(), resource.getName()),
                    "resource '" + resource.getName() + "' in workspace '" + namespace.getPrefix() + "'");
        } else if (info instanceof LayerInfo layer) {
            ResourceInfo resource = requireRef(state, layer.getResource(), ResourceInfo.class, "resource of layer '" + layer.getName() + "'");
            require(Objects.equals(layer.getName(), resource.getName()) || before != null, INVALID,
                    "layer '" + layer.getName() + "' must have the name of its resource '" + resource.getName() + "'");
            requireUnique(state, info, new Key.LayerOf(resource.getId()), "a layer for resource '" + resource.getName() + "'");
            if (layer.getDefaultStyle() != null) {
                requireRef(state, layer.getDefaultStyle(), StyleInfo.class, "default style of layer '" + layer.getName() + "'");
            }
            for (String style : layer.getStyles()) {
                requireRef(state, style, StyleInfo.class, "style of layer '" + layer.getName() + "'");
            }
        } else if (info instanceof LayerGroupInfo group) {
            validateGroup(state, group);
        } else if (info instanceof StyleInfo style) {
            requireName(style, style.getName());
            String scope = style.getWorkspace();
            if (scope != null) {
                requireRef(state, scope, WorkspaceInfo.class, "workspace of style '" + style.getName() + "'");
            }
            requireUnique(state, info, new Key.Style(scope, style.getName()), "style '" + style.getName() + "'" + inWorkspace(state, scope));
        } else if (info instanceof SettingsInfo settings) {
            requireRef(state, settings.getWorkspace(), WorkspaceInfo.class, "workspace of settings " + settings.getId());
            requireUnique(state, info, new Key.Settings(settings.getWorkspace()), "settings" + inWorkspace(state, settings.getWorkspace()));
        } else if (info instanceof ServiceInfo service) {
            if (service.getWorkspace() != null) {
                requireRef(state, service.getWorkspace(), WorkspaceInfo.class, "workspace of " + service);
            }
            requireUnique(state, info, new Key.Service(service.getWorkspace(), service.getServiceType()),
                    "a " + service.getServiceType() + " service" + inWorkspace(state, service.getWorkspace()));
        } else if (info instanceof CatalogDefaults defaults) {
            if (defaults.getDefaultWorkspace() != null) {
                requireRef(state, defaults.getDefaultWorkspace(), WorkspaceInfo.class, "default workspace");
            }
        }
    }

    private void validateGroup(CatalogState state, LayerGroupInfo group) {
        requireName(group, group.getName());
        String scope = group.getWorkspace();
        if (scope != null) {
            requireRef(state, scope, WorkspaceInfo.class, "workspace of layer group '" + group.getName() + "'");
        }
        requireUnique(state, group, new Key.LayerGroup(scope, group.getName()),
                "layer group '" + group.getName() + "'" + inWorkspace(state, scope));
        List<Published> members = group.getPublishables();
        require(!members.isEmpty() || "EO".equals(group.getMode()), INVALID, "layer group '" + group.getName() + "' has no layers");
        for (Published member : members) {
            Class<? extends CatalogInfo> type = member.isGroup() ? LayerGroupInfo.class : LayerInfo.class;
            requireRef(state, member.id(), type, (member.isGroup() ? "layer group" : "layer") + " in layer group '" + group.getName() + "'");
        }
        List<String> styles = group.getStyles();
        require(styles.isEmpty() || styles.size() == members.size(), INVALID,
                "layer group '" + group.getName() + "' has " + members.size() + " layers but " + styles.size() + " styles");
        for (String style : styles) {
            if (style != null) {
                requireRef(state, style, StyleInfo.class, "style in layer group '" + group.getName() + "'");
            }
        }
        requireNoCycle(state, group, group.getId(), new HashSet<>());
    }

    private void requireNoCycle(CatalogState state, LayerGroupInfo group, String root, Set<String> seen) {
        for (Published member : group.getPublishables()) {
            if (!member.isGroup()) {
                continue;
            }
            require(!member.id().equals(root), INVALID, "layer group '" + group.getName() + "' would contain itself");
            if (seen.add(member.id())) {
                LayerGroupInfo nested = state.get(member.id(), LayerGroupInfo.class);
                if (nested != null) {
                    requireNoCycle(state, nested, root, seen);
                }
            }
        }
    }

    private static void requireName(Info info, String name) {
        require(name != null && !name.isBlank(), INVALID, info.type() + " " + info.getId() + " has no name");
        require(!name.contains("/") && !name.contains("\\") && !name.equals(".") && !name.equals("..") && name.chars().noneMatch(Character::isISOControl),
                INVALID, info.type() + " name '" + name + "' must not contain '/', '\\' or control characters");
    }

    private static void requireUnique(CatalogState state, Info info, Key key, String what) {
        String existing = state.lookup(key);
        if (existing != null && !existing.equals(info.getId())) {
            throw new CatalogException(DUPLICATE, what + " already exists");
        }
    }

    private static <T extends Info> T requireRef(CatalogState state, String id, Class<T> type, String what) {
        require(id != null, INVALID, what + " is missing");
        T found = state.get(id, type);
        if (found == null) {
            throw new CatalogException(NOT_FOUND, what + " (" + id + ") does not exist");
        }
        return found;
    }

    static void require(boolean condition, CatalogException.Reason reason, String message) {
        if (!condition) {
            throw new CatalogException(reason, message);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Fills in what a new layer takes from its resource: name, type. */
    private static void completeLayer(CatalogState state, LayerInfo layer) {
        ResourceInfo resource = state.get(layer.getResource(), ResourceInfo.class);
        if (resource == null) {
            return;
        }
        if (layer.getName() == null) {
            layer.setName(resource.getName());
        }
        if (layer.getLayerType() == null) {
            layer.setLayerType(resource.layerType());
        }
    }

    private String now() {
        return DATE.format(clock.instant());
    }

    private static String inWorkspace(CatalogState state, String workspaceId) {
        WorkspaceInfo workspace = state.get(workspaceId, WorkspaceInfo.class);
        return workspace == null ? "" : " in workspace '" + workspace.getName() + "'";
    }

    static WorkspaceInfo workspace(CatalogState state, String name) {
        return state.workspace(name);
    }

    static NamespaceInfo namespace(CatalogState state, String prefix) {
        return state.namespace(prefix);
    }

    static List<StoreInfo> storesOf(CatalogState state, String workspaceId) {
        return state.referrers(new Referrers.StoresOf(workspaceId), StoreInfo.class);
    }

    static List<ResourceInfo> resourcesOf(CatalogState state, String storeId) {
        return state.referrers(new Referrers.ResourcesOfStore(storeId), ResourceInfo.class);
    }

    private static boolean hasResources(CatalogState state, NamespaceInfo namespace) {
        return state.hasReferrers(new Referrers.ResourcesOfNamespace(namespace.getId()));
    }

    private static void requireNoResources(CatalogState state, NamespaceInfo namespace) {
        require(!hasResources(state, namespace), IN_USE, "namespace '" + namespace.getPrefix() + "' still has resources");
    }

    static List<LayerGroupInfo> groupsContaining(CatalogState state, String memberId) {
        return state.referrers(new Referrers.GroupsContaining(memberId), LayerGroupInfo.class);
    }
}
