package org.geoserver.cluster.rest.internal;

import java.util.ArrayList;
import java.util.List;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.XmlElement;

/**
 * /layers/{layer}/styles: the layer's alternative styles. POST a style (by name, optionally with
 * its workspace, e.g. the body of a GET of the style) to add it; {@code ?default=true} makes it the
 * layer's default style instead.
 */
final class LayerStylesEndpoint implements Endpoint {

    private final Catalog catalog;
    private final Kinds kinds;
    private final References references;

    LayerStylesEndpoint(Catalog catalog, Kinds kinds, References references) {
        this.catalog = catalog;
        this.kinds = kinds;
        this.references = references;
    }

    @Override
    public Reply handle(RestRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("POST")) {
            throw RestException.methodNotAllowed(request.method(), request.path());
        }
        LayerInfo layer = kinds.layers.find(Scope.GLOBAL, request.var("layer"));
        if (layer == null) {
            throw RestException.noSuch("layer", request.var("layer"), "");
        }
        return request.method().equals("GET") ? list(layer, request) : add(layer, request);
    }

    private Reply list(LayerInfo layer, RestRequest request) {
        List<XmlElement> items = new ArrayList<>();
        for (String id : layer.getStyles()) {
            StyleInfo style = catalog.getById(id, StyleInfo.class);
            if (style != null) {
                items.add(request.links().reference(XmlElement.of("style"), kinds.styles.qualifiedName(style), kinds.styles.path(style)));
            }
        }
        return Reply.of(XmlElement.of("styles", items), request.format());
    }

    private Reply add(LayerInfo layer, RestRequest request) {
        XmlElement body = request.bodyTree("style");
        String name = body.childText("name");
        if (name == null || name.isBlank()) {
            throw RestException.badRequest("the <style> has no <name>");
        }
        StyleInfo style = (StyleInfo) references.find(InfoType.STYLE, References.workspaceOf(body), name.trim(), null);
        if (style == null) {
            throw RestException.noSuch("style", name.trim(), "");
        }
        if (request.flag("default")) {
            layer.setDefaultStyle(style.getId());
        } else if (!layer.getStyles().contains(style.getId())) {
            List<String> styles = new ArrayList<>(layer.getStyles());
            styles.add(style.getId());
            layer.setStyles(styles);
        }
        catalog.save(layer);
        return Reply.created(request.links().url(kinds.styles.path(style)), style.getName());
    }
}
