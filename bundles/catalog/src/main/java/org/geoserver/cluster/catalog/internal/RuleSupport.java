package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.DUPLICATE;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.NOT_FOUND;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;

/** The checks and texts every type's rules share. */
final class RuleSupport {

    /** What a workspace name or namespace prefix may be: GeoServer uses it in paths and qualified names. */
    static final Pattern WORKSPACE_NAME = Pattern.compile("[^\\s:/\\\\]+");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    private RuleSupport() {}

    static void require(boolean condition, CatalogException.Reason reason, String message) {
        if (!condition) {
            throw new CatalogException(reason, message);
        }
    }

    /** A name GeoServer can use as a file name. */
    static void requireName(Info info, String name) {
        require(name != null && !name.isBlank(), INVALID, info.type() + " " + info.getId() + " has no name");
        require(!name.contains("/") && !name.contains("\\") && !name.equals(".") && !name.equals("..") && name.chars().noneMatch(Character::isISOControl),
                INVALID, info.type() + " name '" + name + "' must not contain '/', '\\' or control characters");
    }

    /** No other object has the key; the object itself may, when it is saved. */
    static void requireUnique(CatalogState state, Info info, Key key, String what) {
        String existing = state.lookup(key);
        if (existing != null && !existing.equals(info.getId())) {
            throw new CatalogException(DUPLICATE, what + " already exists");
        }
    }

    static <T extends Info> T requireRef(CatalogState state, String id, Class<T> type, String what) {
        require(id != null, INVALID, what + " is missing");
        T found = state.get(id, type);
        if (found == null) {
            throw new CatalogException(NOT_FOUND, what + " (" + id + ") does not exist");
        }
        return found;
    }

    /** " in workspace 'name'", or nothing for the global scope. */
    static String inWorkspace(CatalogState state, String workspaceId) {
        WorkspaceInfo workspace = state.get(workspaceId, WorkspaceInfo.class);
        return workspace == null ? "" : " in workspace '" + workspace.getName() + "'";
    }

    /** The time now as GeoServer writes dateCreated and dateModified. */
    static String date(Clock clock) {
        return DATE.format(clock.instant());
    }
}
