package org.geoserver.cluster.rest.internal;

import java.util.function.Supplier;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.StyleFiles;
import org.geoserver.cluster.catalog.api.StyleInfo;

/**
 * /styles and /workspaces/{ws}/styles. A style is a catalog entry plus a file: the entry is read
 * and written as XML or JSON, the file (SLD 1.0 or SE 1.1) is uploaded with its own media type
 * (POST with {@code ?name=}, or PUT onto an existing entry) and read back with the .sld suffix.
 * File contents travel with the catalog change, so persistence and the cluster see them.
 */
final class StyleKind extends WorkspaceScopedKind<StyleInfo> implements FileKind<StyleInfo> {

    private final Supplier<StyleFiles> files;

    /** @param files where style files are read; supplies null while no data directory service runs */
    StyleKind(Catalog catalog, Supplier<StyleFiles> files) {
        super(catalog, InfoType.STYLE, "styles");
        this.files = files;
    }

    @Override
    String label() {
        return "style";
    }

    @Override
    StyleInfo lookup(String workspace, String name) {
        return catalog.getStyleByName(workspace, name);
    }

    @Override
    String workspaceOf(StyleInfo info) {
        return info.getWorkspace();
    }

    @Override
    void setWorkspace(StyleInfo info, String workspaceId) {
        info.setWorkspace(workspaceId);
    }

    /** A catalog entry without a format or file gets GeoServer's defaults: SLD 1.0.0 in {name}.sld. */
    @Override
    StyleInfo create(StyleInfo info, RestRequest request) {
        if (info.xml().child("format") == null) {
            info.setFormat("sld");
        }
        if (info.xml().child("languageVersion") == null) {
            info.setFormatVersion(StyleBodies.SLD_10);
        }
        if (info.getFilename() == null) {
            info.setFilename(info.getName() + ".sld");
        }
        return catalog.add(info);
    }

    @Override
    void delete(StyleInfo info, RestRequest request) {
        Change change = request.flag("recurse") ? Change.removeRecursively(info) : Change.remove(info);
        catalog.apply(request.flag("purge") ? change.purging() : change);
    }

    @Override
    public boolean isFileBody(RestRequest request) {
        return request.bodyFormat() == Format.SLD;
    }

    @Override
    public Reply readFile(StyleInfo info, RestRequest request) {
        StyleFiles store = files.get();
        if (store == null) {
            throw new RestException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "style files cannot be read: no data directory service is running");
        }
        byte[] body = store.read(info, catalog).orElseThrow(() -> RestException.notFound(
                "style '" + qualifiedName(info) + "' has no file" + (info.getFilename() == null ? "" : " (" + info.getFilename() + ")")));
        return Reply.file(body, StyleBodies.mediaType(info.getFormatVersion()));
    }

    /** POST of an SLD: the entry is named by {@code ?name=}, else by the SLD's first style. */
    @Override
    public StyleInfo createFromFile(Scope scope, RestRequest request) {
        byte[] body = request.body();
        StyleBodies.Sld sld = parse(body, request);
        String name = request.param("name") != null ? request.param("name") : sld.styleName();
        if (name == null || name.isBlank()) {
            throw RestException.badRequest("the SLD names no style (UserStyle/Name): give the style name with ?name=");
        }
        StyleInfo style = new StyleInfo();
        style.setName(name);
        bind(style, scope);
        style.setFormat("sld");
        style.setFormatVersion(sld.version());
        style.setFilename(name + ".sld");
        catalog.apply(Change.add(style).withStyleBody(body));
        return catalog.getStyleByName(scope.workspaceName(), name);
    }

    /** PUT of an SLD onto an existing entry replaces its file. */
    @Override
    public void updateFromFile(StyleInfo info, RestRequest request) {
        byte[] body = request.body();
        StyleBodies.Sld sld = parse(body, request);
        info.setFormat("sld");
        info.setFormatVersion(sld.version());
        if (info.getFilename() == null) {
            info.setFilename(info.getName() + ".sld");
        }
        catalog.apply(Change.save(info).withStyleBody(body));
    }

    /** {@code raw=true}: {@link GeoServerQuirks} 10. */
    private static StyleBodies.Sld parse(byte[] body, RestRequest request) {
        if (body.length == 0) {
            throw RestException.badRequest("the request has no SLD body");
        }
        return request.flag("raw") ? new StyleBodies.Sld(null, StyleBodies.versionOf(request.contentType())) : StyleBodies.parse(body, request.contentType());
    }
}
