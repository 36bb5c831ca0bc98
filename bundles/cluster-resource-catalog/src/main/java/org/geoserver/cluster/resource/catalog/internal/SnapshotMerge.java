package org.geoserver.cluster.resource.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.StyleFiles;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.catalog.xml.XmlFormatException;

/**
 * The configuration a node ends with when it installs a snapshot: per object, the state with the
 * later version (a removal is a state too), the snapshot's when neither is later, so that a drifted
 * object is repaired while a change made here, or received here first, is not undone.
 */
final class SnapshotMerge {

    /** The merged content, the style files to write, and how many objects kept their local state. */
    record Result(List<Info> contents, Map<String, byte[]> styleBodies, int keptLocal) {}

    private final InfoXml xml = new InfoXml();

    /**
     * @param objects the snapshot's catalog objects
     * @param versions the snapshot's versions
     * @param origin the node the snapshot comes from, for messages
     */
    Result merge(List<SnapshotObject> objects, Map<String, Version> versions, String origin, Catalog catalog, Map<String, Version> localVersions,
            StyleFiles styleFiles, boolean keepLocal) {
        Map<String, Info> local = new LinkedHashMap<>();
        for (Info info : catalog.list(Info.class)) {
            local.put(info.getId(), info);
        }
        Map<String, SnapshotObject> remote = new LinkedHashMap<>();
        for (SnapshotObject object : objects) {
            remote.put(object.id(), object);
        }
        List<Info> contents = new ArrayList<>();
        Map<String, byte[]> styleBodies = new HashMap<>();
        int keptLocal = 0;
        for (SnapshotObject object : remote.values()) {
            Info here = local.get(object.id());
            if (keepLocal && isLater(localVersions.get(object.id()), versions.get(object.id()))) {
                keptLocal++;
                if (here != null) {
                    contents.add(here);
                }
                continue;
            }
            Info there = read(object, origin);
            contents.add(there);
            if (there instanceof StyleInfo style && object.styleBody() != null && !sameBody(here, object.styleBody(), styleFiles, catalog)) {
                styleBodies.put(style.getId(), object.styleBody());
            }
        }
        for (Info here : local.values()) {
            if (!remote.containsKey(here.getId()) && keepLocal && isLater(localVersions.get(here.getId()), versions.get(here.getId()))) {
                keptLocal++;
                contents.add(here);
            }
        }
        return new Result(contents, styleBodies, keptLocal);
    }

    /** True when the local version is later than the snapshot's; an object no one versioned takes the snapshot's state. */
    private static boolean isLater(Version local, Version remote) {
        return local != null && (remote == null || local.compareTo(remote) > 0);
    }

    private Info read(SnapshotObject object, String origin) {
        try {
            Info info = xml.read(object.xml());
            if (!object.id().equals(info.getId()) || !info.xml().name().equals(object.type())) {
                throw new IllegalArgumentException("the snapshot of " + origin + " lists " + object.type() + " " + object.id() + " but holds a <"
                        + info.xml().name() + "> with id " + info.getId());
            }
            return info;
        } catch (XmlFormatException e) {
            throw new IllegalArgumentException("the snapshot of " + origin + " holds an unreadable " + object.type() + " " + object.id() + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameBody(Info here, byte[] body, StyleFiles styleFiles, Catalog catalog) {
        if (!(here instanceof StyleInfo style)) {
            return false;
        }
        Optional<byte[]> current = styleFiles.read(style, catalog);
        return current.isPresent() && Arrays.equals(current.get(), body);
    }
}
