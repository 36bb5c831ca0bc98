package org.geoserver.cluster.rest.internal;

import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogInfo;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * One type of catalog object as the REST API serves it: where it lives in the URL space, how it is
 * listed, found, named and linked, and what creating or removing one implies. {@link CatalogEndpoint}
 * does the HTTP side once for every type; subclasses only say what differs between types.
 */
abstract class Kind<T extends CatalogInfo> {

    protected final Catalog catalog;
    private final InfoType type;
    private final String segment;

    /**
     * @param segment the URL segment of the collection at the object's canonical location, e.g.
     *     "datastores" in /workspaces/{ws}/datastores/{name}
     */
    protected Kind(Catalog catalog, InfoType type, String segment) {
        this.catalog = catalog;
        this.type = type;
        this.segment = segment;
    }

    final InfoType type() {
        return type;
    }

    final String segment() {
        return segment;
    }

    /** The root element of an object, and of a request body. */
    final String element() {
        return type.elementName();
    }

    /** The root element of a list: GeoServer pluralises the item's element (dataStore, dataStores). */
    final String listElement() {
        return element() + "s";
    }

    /** The property holding the name. */
    String nameElement() {
        return "name";
    }

    /** What people call one of these in messages: "data store", "layer group". */
    abstract String label();

    /** The Java class of this type; each kind is built with the InfoType of its T. */
    @SuppressWarnings("unchecked")
    final Class<T> javaClass() {
        return (Class<T>) type.javaClass();
    }

    final T cast(Object info) {
        return javaClass().cast(info);
    }

    /** {@link #path} of an object known only as a catalog object of this kind. */
    final String pathOf(CatalogInfo info) {
        return path(cast(info));
    }

    final String qualifiedNameOf(CatalogInfo info) {
        return qualifiedName(cast(info));
    }

    final Map<String, String> linksOf(CatalogInfo info) {
        return links(cast(info));
    }

    final boolean isInstance(Object info) {
        return type.javaClass().isInstance(info);
    }

    /** The objects of this type under the scope. */
    abstract List<T> list(Scope scope);

    /**
     * An object by workspace and name as references name it: {@code workspace} null means global for
     * scoped types (styles, groups) and "any" where names are unique anyway (a bare layer name).
     */
    abstract T lookup(String workspace, String name);

    /** True when the object sits under the scope (a store in the workspace, a resource in the store...). */
    abstract boolean inScope(T info, Scope scope);

    /** Points a new object at the parents the URL names; global types have none. */
    void bind(T info, Scope scope) {}

    /** The object's API path, e.g. /workspaces/sf/datastores/sf. */
    abstract String path(T info);

    /**
     * True when the request asks for objects that exist in the data but are not configured (a
     * store's unpublished feature types), which this node cannot know.
     */
    boolean listsUnpublished(RestRequest request) {
        return false;
    }

    /** The object named by the URL under the scope, or null. */
    T find(Scope scope, String name) {
        T found = lookup(scope.workspaceName(), name);
        return found != null && inScope(found, scope) ? found : null;
    }

    /** The name references and global lists give: qualified with the workspace where that is how GeoServer names it. */
    String qualifiedName(T info) {
        return info.getName();
    }

    /** The name a list under the scope gives; the item's URL is the list's URL plus this name. */
    String listName(T info, Scope scope) {
        return info.getName();
    }

    /** Workspace-scoped names may be written {@code ws:name}. */
    boolean isWorkspaceScoped() {
        return true;
    }

    /** Properties that are only links to sub-collections, by property name, with their paths. */
    Map<String, String> links(T info) {
        return Map.of();
    }

    /** False for types that are created as a side effect (layers come with their resource). */
    boolean isCreatable() {
        return true;
    }

    /** Rewrites a request body before its references are resolved (legacy forms). */
    XmlElement prepare(XmlElement body) {
        return body;
    }

    /** Adds a new object built from a request body; returns the stored copy. */
    T create(T info, RestRequest request) {
        return catalog.add(info);
    }

    /** Removes an object as DELETE asks: {@code recurse=true} takes what depends on it too. */
    void delete(T info, RestRequest request) {
        if (request.flag("recurse")) {
            catalog.removeRecursively(info);
        } else {
            catalog.remove(info);
        }
    }
}
