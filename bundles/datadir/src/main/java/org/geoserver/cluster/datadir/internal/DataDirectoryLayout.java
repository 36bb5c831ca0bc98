package org.geoserver.cluster.datadir.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.datadir.api.DataDirectory;

/**
 * Where each catalog and configuration object lives in a GeoServer data directory; shared by the
 * loader (which files to read, as what) and the persister (where to write, move and delete). Folder
 * and file names are the objects' names, as GeoServer writes them. References are resolved through
 * a look-up by id, so that a caller can place an object as it was before a change as well as after.
 */
final class DataDirectoryLayout {

    static final String WORKSPACES = "workspaces";
    static final String STYLES = "styles";
    static final String LAYERGROUPS = "layergroups";
    static final String GLOBAL_FILE = "global.xml";
    static final String LOGGING_FILE = "logging.xml";
    static final String DEFAULT_WORKSPACE_FILE = "default.xml";
    static final String WORKSPACE_FILE = "workspace.xml";
    static final String NAMESPACE_FILE = "namespace.xml";
    static final String SETTINGS_FILE = "settings.xml";
    static final String LAYER_FILE = "layer.xml";
    static final String XML = ".xml";
    /** A style without a file name of its own keeps its body in {@code <name>.sld}, as GeoServer's REST API names new styles. */
    static final String DEFAULT_STYLE_EXTENSION = ".sld";

    /** Kinds of store, in the order the loader looks for their files. */
    static final List<InfoType> STORE_TYPES = List.of(InfoType.DATASTORE, InfoType.COVERAGESTORE, InfoType.WMSSTORE, InfoType.WMTSSTORE);
    /** Kinds of resource, in the order the loader looks for their files. */
    static final List<InfoType> RESOURCE_TYPES = List.of(InfoType.FEATURETYPE, InfoType.COVERAGE, InfoType.WMSLAYER, InfoType.WMTSLAYER);

    private final Path root;
    private final int maxFileNameBytes;

    DataDirectoryLayout(Path root) {
        this(root, DataDirectory.MAX_FILE_NAME_BYTES);
    }

    /** @param maxFileNameBytes the most UTF-8 bytes a file or folder name made of an object's name may take, suffix included */
    DataDirectoryLayout(Path root, int maxFileNameBytes) {
        this.root = root;
        this.maxFileNameBytes = maxFileNameBytes;
    }

    Path root() {
        return root;
    }

    Path workspaces() {
        return root.resolve(WORKSPACES);
    }

    Path defaultWorkspaceFile() {
        return workspaces().resolve(DEFAULT_WORKSPACE_FILE);
    }

    /** The file holding an object. */
    Path file(Info info, Function<String, Info> lookup) throws LayoutException {
        return switch (info.type()) {
            case GLOBAL -> root.resolve(GLOBAL_FILE);
            case LOGGING -> root.resolve(LOGGING_FILE);
            case DEFAULTS -> defaultWorkspaceFile();
            case WORKSPACE -> workspaceFolder((WorkspaceInfo) info).resolve(WORKSPACE_FILE);
            case NAMESPACE -> workspaceFolder(((NamespaceInfo) info).getPrefix(), info).resolve(NAMESPACE_FILE);
            case DATASTORE, COVERAGESTORE, WMSSTORE, WMTSSTORE -> storeFolder((StoreInfo) info, lookup).resolve(fileName(info.type()));
            case FEATURETYPE, COVERAGE, WMSLAYER, WMTSLAYER ->
                    resourceFolder((ResourceInfo) info, lookup).resolve(fileName(info.type()));
            case LAYER -> resourceFolder(resolve(lookup, ((LayerInfo) info).getResource(), ResourceInfo.class, info, "resource"), lookup)
                    .resolve(LAYER_FILE);
            case STYLE -> styleFolder((StyleInfo) info, lookup).resolve(name(((StyleInfo) info).getName(), XML, info));
            case LAYERGROUP -> scopeFolder(((LayerGroupInfo) info).getWorkspace(), info, lookup)
                    .resolve(LAYERGROUPS)
                    .resolve(name(((LayerGroupInfo) info).getName(), XML, info));
            case SETTINGS -> workspaceFolder(resolve(lookup, ((SettingsInfo) info).getWorkspace(), WorkspaceInfo.class, info, "workspace"))
                    .resolve(SETTINGS_FILE);
            case SERVICE -> scopeFolder(((ServiceInfo) info).getWorkspace(), info, lookup).resolve(serviceFile(((ServiceInfo) info).getServiceType()));
        };
    }

    /**
     * The folder an object owns and that goes with it when it is renamed, moved or removed: a
     * workspace's, a store's or a resource's. Null for objects that are a single file.
     */
    Path ownFolder(Info info, Function<String, Info> lookup) throws LayoutException {
        if (info instanceof WorkspaceInfo workspace) {
            return workspaceFolder(workspace);
        }
        if (info instanceof StoreInfo store) {
            return storeFolder(store, lookup);
        }
        if (info instanceof ResourceInfo resource) {
            return resourceFolder(resource, lookup);
        }
        return null;
    }

    /** The file holding a style's body (SLD, CSS...): its {@code filename}, else {@code <name>.sld}, beside its .xml. */
    Path styleFile(StyleInfo style, Function<String, Info> lookup) throws LayoutException {
        String fileName = style.getFilename() != null ? style.getFilename() : style.getName() + DEFAULT_STYLE_EXTENSION;
        return styleFolder(style, lookup).resolve(name(fileName, "", style));
    }

    private Path styleFolder(StyleInfo style, Function<String, Info> lookup) throws LayoutException {
        return scopeFolder(style.getWorkspace(), style, lookup).resolve(STYLES);
    }

    /** The data directory's root for a global object, else its workspace's folder. */
    private Path scopeFolder(String workspaceId, Info info, Function<String, Info> lookup) throws LayoutException {
        return workspaceId == null ? root : workspaceFolder(resolve(lookup, workspaceId, WorkspaceInfo.class, info, "workspace"));
    }

    private Path workspaceFolder(WorkspaceInfo workspace) throws LayoutException {
        return workspaceFolder(workspace.getName(), workspace);
    }

    private Path workspaceFolder(String name, Info info) throws LayoutException {
        return workspaces().resolve(name(name, "", info));
    }

    private Path storeFolder(StoreInfo store, Function<String, Info> lookup) throws LayoutException {
        return workspaceFolder(resolve(lookup, store.getWorkspace(), WorkspaceInfo.class, store, "workspace")).resolve(name(store.getName(), "", store));
    }

    private Path resourceFolder(ResourceInfo resource, Function<String, Info> lookup) throws LayoutException {
        return storeFolder(resolve(lookup, resource.getStore(), StoreInfo.class, resource, "store"), lookup).resolve(name(resource.getName(), "", resource));
    }

    private static <T extends Info> T resolve(Function<String, Info> lookup, String id, Class<T> type, Info from, String role) throws LayoutException {
        Info found = id == null ? null : lookup.apply(id);
        if (!type.isInstance(found)) {
            throw new LayoutException(from + ": its " + role + " " + id + " is unknown, so is its place in the data directory");
        }
        return type.cast(found);
    }

    /** A name used, with its suffix, as one file or folder name: it must not reach outside its folder, and must fit the file system. */
    private String name(String name, String suffix, Info info) throws LayoutException {
        if (name == null || name.isBlank() || name.equals(".") || name.equals("..")
                || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new LayoutException(info + ": '" + name + "' cannot be a file or folder name in the data directory");
        }
        String fileName = name + suffix;
        int bytes = fileName.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxFileNameBytes) {
            throw new LayoutException(info + ": the name '" + abbreviated(name) + "' is too long for the data directory: as a file name"
                    + (suffix.isEmpty() ? "" : " with '" + suffix + "'") + " it takes " + bytes + " bytes in UTF-8, the limit is " + maxFileNameBytes
                    + " (maxFileNameBytes)");
        }
        return fileName;
    }

    private static String abbreviated(String name) {
        return name.codePointCount(0, name.length()) <= 40 ? name : name.substring(0, name.offsetByCodePoints(0, 40)) + "...";
    }

    /** A store's or resource's file: its root element in lower case, as GeoServer names them (datastore.xml, featuretype.xml...). */
    static String fileName(InfoType type) {
        return type.elementName().toLowerCase(Locale.ROOT) + XML;
    }

    /** A service's file ({@code wms.xml}), at the root or in its workspace's folder. */
    static String serviceFile(String serviceType) {
        return serviceType + XML;
    }
}
