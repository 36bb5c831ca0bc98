package org.geoserver.cluster.rest.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * The catalog keeps references by id ({@code <workspace><id>…</id></workspace>}); the REST API shows
 * and accepts them by name. Output: any element holding the id of a catalog object becomes its name
 * and link. Input: the reference properties of each type, in any form clients send
 * ({@code <x><name>n</name></x>}, {@code <x>n</x>}, {@code "ws:n"}, a separate {@code workspace},
 * or an id), become ids.
 */
final class References {

    /**
     * A reference property of a type: {@code element} directly under the root, or the items named
     * {@code element} of the list {@code container}.
     *
     * @param typeAttribute the attribute naming the referenced type when several are possible ("class", "type")
     * @param keepsEmpty an empty item means something (a layer group member's default style)
     */
    private record Slot(String container, String element, InfoType target, String typeAttribute, boolean keepsEmpty) {
        static Slot of(String element, InfoType target) {
            return new Slot(null, element, target, null, false);
        }
    }

    private static final Slot WORKSPACE = Slot.of("workspace", InfoType.WORKSPACE);
    private static final Slot STYLES = new Slot("styles", "style", InfoType.STYLE, null, false);
    private static final Map<InfoType, List<Slot>> SLOTS = new EnumMap<>(InfoType.class);

    static {
        for (InfoType store : List.of(InfoType.DATASTORE, InfoType.COVERAGESTORE, InfoType.WMSSTORE, InfoType.WMTSSTORE)) {
            SLOTS.put(store, List.of(WORKSPACE));
        }
        SLOTS.put(InfoType.FEATURETYPE, resourceSlots(InfoType.DATASTORE));
        SLOTS.put(InfoType.COVERAGE, resourceSlots(InfoType.COVERAGESTORE));
        SLOTS.put(InfoType.WMSLAYER, resourceSlots(InfoType.WMSSTORE));
        SLOTS.put(InfoType.WMTSLAYER, resourceSlots(InfoType.WMTSSTORE));
        SLOTS.put(InfoType.LAYER, List.of(
                new Slot(null, "resource", InfoType.FEATURETYPE, "class", false), Slot.of("defaultStyle", InfoType.STYLE), STYLES));
        SLOTS.put(InfoType.LAYERGROUP, List.of(
                WORKSPACE,
                new Slot("publishables", "published", InfoType.LAYER, "type", false),
                new Slot("styles", "style", InfoType.STYLE, null, true),
                Slot.of("rootLayer", InfoType.LAYER),
                Slot.of("rootLayerStyle", InfoType.STYLE)));
        SLOTS.put(InfoType.STYLE, List.of(WORKSPACE));
        SLOTS.put(InfoType.SETTINGS, List.of(WORKSPACE));
        SLOTS.put(InfoType.SERVICE, List.of(WORKSPACE));
    }

    private static List<Slot> resourceSlots(InfoType store) {
        return List.of(Slot.of("namespace", InfoType.NAMESPACE), new Slot(null, "store", store, "class", false));
    }

    private final Catalog catalog;
    private final Kinds kinds;

    References(Catalog catalog, Kinds kinds) {
        this.catalog = catalog;
        this.kinds = kinds;
    }

    // ------------------------------------------------------------------ output

    /**
     * An object as the API shows it ({@link GeoServerQuirks} 14): catalog objects without their own
     * id, every reference as name and link, plus the link properties of the type.
     */
    XmlElement render(Info info, Links links) {
        XmlElement tree = info.xml();
        if (info instanceof CatalogInfo catalogInfo) {
            tree = renderReferences(tree.withChild("id", null), links);
            for (Map.Entry<String, String> link : kinds.links(catalogInfo).entrySet()) {
                tree = tree.withChild(link.getKey(), links.linkProperty(link.getKey(), link.getValue()));
            }
            return tree;
        }
        return renderReferences(tree, links);
    }

    /** Replaces the references below {@code element} (not the element itself). */
    XmlElement renderReferences(XmlElement element, Links links) {
        if (!element.hasChildren()) {
            return element;
        }
        List<XmlElement> children = new ArrayList<>();
        boolean changed = false;
        for (XmlElement child : element.children()) {
            XmlElement rendered = renderReference(child, links);
            changed |= rendered != child;
            children.add(rendered);
        }
        return changed ? element.withChildren(children) : element;
    }

    private XmlElement renderReference(XmlElement element, Links links) {
        String id = element.childText("id");
        if (id != null && catalog.getById(id) instanceof CatalogInfo target) {
            return links.reference(element, kinds.qualifiedName(target), kinds.path(target));
        }
        return renderReferences(element, links);
    }

    // ------------------------------------------------------------------ input

    /**
     * Turns the references of a request body into ids.
     *
     * @param context the workspace the object is in, where unqualified names are looked up first
     * @throws RestException 404 naming a reference that matches nothing
     */
    XmlElement resolve(XmlElement body, InfoType type, WorkspaceInfo context) {
        XmlElement resolved = body;
        for (Slot slot : SLOTS.getOrDefault(type, List.of())) {
            if (slot.container() == null) {
                XmlElement reference = resolved.child(slot.element());
                if (reference != null) {
                    resolved = resolved.withChild(slot.element(), resolveReference(reference, slot, context));
                }
                continue;
            }
            XmlElement container = resolved.child(slot.container());
            if (container == null) {
                continue;
            }
            List<XmlElement> items = new ArrayList<>();
            for (XmlElement item : container.children()) {
                if (!item.name().equals(slot.element())) {
                    items.add(item);
                } else if (isEmpty(item)) {
                    if (slot.keepsEmpty()) {
                        items.add(XmlElement.of(item.name()));
                    }
                } else {
                    items.add(resolveReference(item, slot, context));
                }
            }
            resolved = resolved.withChild(slot.container(), container.withChildren(items));
        }
        return resolved;
    }

    /**
     * An empty reference ({@code "defaultStyle":""}) stays empty: it means "none", and a partial
     * update with it clears the stored reference.
     */
    private XmlElement resolveReference(XmlElement reference, Slot slot, WorkspaceInfo context) {
        if (isEmpty(reference)) {
            return XmlElement.of(reference.name());
        }
        InfoType target = slot.target();
        if (slot.typeAttribute() != null && reference.attribute(slot.typeAttribute()) != null) {
            target = InfoType.forElement(reference.attribute(slot.typeAttribute()));
            if (target == null || !target.isCatalog()) {
                throw RestException.badRequest("<" + reference.name() + "> has an unknown " + slot.typeAttribute() + " '" + reference.attribute(slot.typeAttribute()) + "'");
            }
        }
        CatalogInfo found;
        String id = reference.childText("id");
        if (id != null) {
            found = catalog.getById(id) instanceof CatalogInfo info ? info : null;
            if (found == null) {
                throw RestException.noSuch(kinds.of(target).label() + " id", id, " (in <" + reference.name() + ">)");
            }
        } else {
            String name = reference.hasChildren() ? reference.childText("name") : reference.text();
            if (name == null) {
                throw RestException.badRequest("<" + reference.name() + "> needs a <name>");
            }
            found = find(target, workspaceOf(reference), name.trim(), context);
            if (found == null) {
                throw RestException.noSuch(kinds.of(target).label(), name.trim(), " (in <" + reference.name() + ">)");
            }
        }
        XmlElement resolved = XmlElement.of(reference.name(), List.of(XmlElement.text("id", found.getId())));
        for (Map.Entry<String, String> attribute : reference.attributes().entrySet()) {
            resolved = resolved.withAttribute(attribute.getKey(), attribute.getValue());
        }
        // The catalog files say which kind of object a reference points at ("class", "type"): keep it right.
        return slot.typeAttribute() == null ? resolved : resolved.withAttribute(slot.typeAttribute(), found.type().elementName());
    }

    /**
     * Finds a catalog object by name as GeoServer resolves references: {@code ws:name} or an
     * explicit workspace first, then the context workspace, then global (or, for layers, unique).
     */
    CatalogInfo find(InfoType target, String workspace, String name, WorkspaceInfo context) {
        Kind<?> kind = kinds.of(target);
        if (!kind.isWorkspaceScoped()) {
            return kind.lookup(null, name);
        }
        String scope = workspace;
        String local = name;
        int colon = name.indexOf(':');
        if (scope == null && colon > 0 && catalog.getWorkspaceByName(name.substring(0, colon)) != null) {
            scope = name.substring(0, colon);
            local = name.substring(colon + 1);
        }
        if (scope != null) {
            return kind.lookup(scope, local);
        }
        CatalogInfo found = context == null ? null : kind.lookup(context.getName(), local);
        return found != null ? found : kind.lookup(null, local);
    }

    /** A reference's own workspace: {@code <workspace>ws</workspace>} or {@code <workspace><name>ws</name></workspace>}. */
    static String workspaceOf(XmlElement reference) {
        XmlElement workspace = reference.child("workspace");
        if (workspace == null) {
            return null;
        }
        return workspace.hasChildren() ? workspace.childText("name") : workspace.text();
    }

    private static boolean isEmpty(XmlElement element) {
        return !element.hasChildren() && (element.text() == null || element.text().isBlank());
    }
}
