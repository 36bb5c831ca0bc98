package org.geoserver.cluster.resource.catalog.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.ConfigurationSnapshots.InstallReport;
import org.geoserver.cluster.api.ReplicatedResource;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.geoserver.cluster.api.ResourceKind;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogListener;
import org.geoserver.cluster.catalog.api.CatalogPersistence;
import org.geoserver.cluster.catalog.api.CatalogReady;
import org.osgi.service.condition.Condition;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.StyleFiles;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.catalog.xml.XmlFormatException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog and configuration as a replicated resource: an event's payload becomes a change of
 * the catalog marked with its origin, the catalog's objects (with their style files) make its part
 * of a snapshot, and {@link CatalogDigester} gives its digests. Its events are captured by the
 * capture bundle.
 */
@Component(service = {ReplicatedResource.class, CatalogListener.class})
@ResourceKind(ClusterEvent.CATALOG)
public class CatalogResource implements ReplicatedResource, CatalogListener {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogResource.class);

    private final Catalog catalog;
    private final StyleFiles styleFiles;
    /** The catalog's writer, to put applied changes on disk before the transport acknowledges them. */
    private final CatalogPersistence persistence;
    private final CatalogDigester digester;
    private final SnapshotMerge merge = new SnapshotMerge();
    private final InfoXml xml = new InfoXml();
    /** The styles GeoServer puts in a new data directory. */
    private static final java.util.Set<String> NEW_DATA_DIRECTORY_STYLES = java.util.Set.of("point", "line", "polygon", "raster", "generic");

    /**
     * Waits for the condition {@link CatalogReady}: an event applied before the data directory is loaded would be
     * lost by the load, and the digest of a catalog still loading would look like a drift.
     */
    @Activate
    public CatalogResource(@Reference(target = CatalogReady.TARGET) Condition catalogReady, @Reference Catalog catalog, @Reference StyleFiles styleFiles,
            @Reference CatalogPersistence persistence) {
        this(catalog, styleFiles, persistence);
    }

    /** Without waiting for readiness: for nodes assembled by hand, in tests of the applier and the sync. */
    public CatalogResource(Catalog catalog, StyleFiles styleFiles, CatalogPersistence persistence) {
        this.catalog = catalog;
        this.styleFiles = styleFiles;
        this.persistence = persistence;
        this.digester = new CatalogDigester(catalog);
    }

    @Override
    public Applied apply(ClusterEvent event, BooleanSupplier newer) throws IOException {
        Info info;
        try {
            info = xml.read(event.payload());
        } catch (XmlFormatException e) {
            return Applied.refused("its payload is not a catalog object: " + e.getMessage());
        }
        if (!info.xml().name().equals(event.objectType()) || !event.objectId().equals(info.getId())) {
            return Applied.refused("its payload is a <" + info.xml().name() + "> with id " + info.getId() + ", not the announced " + event.objectType()
                    + " " + event.objectId());
        }
        Change change = switch (event.operation()) {
            case REMOVE -> event.purge() ? Change.remove(info).purging() : Change.remove(info);
            case ADD, MODIFY -> info.type().isSingleton() || catalog.getById(info.getId()) != null ? Change.save(info) : Change.add(info);
        };
        change = change.from(event.origin()).by(event.user()).withStyleBody(event.styleBody()).onlyIf(newer::getAsBoolean);
        try {
            if (catalog.apply(change).isEmpty() && !newer.getAsBoolean()) {
                return Applied.NOT_NEWER;
            }
        } catch (CatalogException e) {
            switch (e.reason()) {
                case NOT_FOUND -> {
                    if (event.operation() != ClusterEvent.Operation.REMOVE) {
                        return Applied.waiting(e.getMessage());
                    }
                    // Removing what is already gone: the removal holds.
                }
                case IN_USE -> {
                    return Applied.waiting(e.getMessage());
                }
                case PERSISTENCE -> throw new IOException("could not write " + event + ": " + e.getMessage(), e);
                default -> {
                    return Applied.refused(e.getMessage());
                }
            }
        }
        return Applied.APPLIED;
    }

    @Override
    public void sync() throws IOException {
        try {
            persistence.sync();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the catalog's changes could not be put on disk: " + e.getMessage(), e);
        }
    }

    /** Any workspace, layer group or style but the five a new data directory holds (its settings and services are not configuration of its own). */
    @Override
    public boolean holdsConfiguration() {
        return !catalog.list(WorkspaceInfo.class).isEmpty() || !catalog.list(LayerGroupInfo.class).isEmpty()
                || catalog.list(StyleInfo.class).stream().anyMatch(style -> style.getWorkspace() != null || !NEW_DATA_DIRECTORY_STYLES.contains(style.getName()));
    }

    @Override
    public Map<String, String> digests() {
        return digester.digestsById();
    }

    @Override
    public List<SnapshotObject> export() {
        List<SnapshotObject> objects = new ArrayList<>();
        for (Info info : catalog.list(Info.class)) {
            byte[] body = info instanceof StyleInfo style ? styleFiles.read(style, catalog).orElse(null) : null;
            objects.add(new SnapshotObject(info.xml().name(), info.getId(), xml.toXml(info), body, ClusterEvent.CATALOG));
        }
        return objects;
    }

    @Override
    public InstallReport install(List<SnapshotObject> objects, Map<String, Version> versions, Map<String, Version> localVersions, String origin)
            throws IOException {
        SnapshotMerge.Result merged = merged(objects, versions, localVersions, origin, true);
        List<ChangeEvent> events;
        try {
            events = catalog.install(merged.contents(), merged.styleBodies(), origin);
        } catch (CatalogException e) {
            if (e.reason() != CatalogException.Reason.INVALID || merged.keptLocal() == 0) {
                throw new IOException("cannot install the catalog of the snapshot of " + origin + ": " + e.getMessage(), e);
            }
            // What was kept from here no longer fits the snapshot (it refers to what the snapshot removed):
            // take the snapshot as it is; the local changes are in the outbox, and come back from the peers.
            LOG.warn("The snapshot of {} does not fit the {} objects changed here later ({}); installing it as it is", origin, merged.keptLocal(),
                    e.getMessage());
            merged = merged(objects, versions, localVersions, origin, false);
            try {
                events = catalog.install(merged.contents(), merged.styleBodies(), origin);
            } catch (CatalogException again) {
                throw new IOException("cannot install the catalog of the snapshot of " + origin + ": " + again.getMessage(), again);
            }
        }
        return new InstallReport(count(events, ChangeEvent.Kind.ADD), count(events, ChangeEvent.Kind.MODIFY), count(events, ChangeEvent.Kind.REMOVE),
                merged.keptLocal());
    }

    private SnapshotMerge.Result merged(List<SnapshotObject> objects, Map<String, Version> versions, Map<String, Version> localVersions, String origin,
            boolean keepLocal) throws IOException {
        try {
            return merge.merge(objects, versions, origin, catalog, localVersions, styleFiles, keepLocal);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static int count(List<ChangeEvent> events, ChangeEvent.Kind kind) {
        return (int) events.stream().filter(e -> e.kind() == kind).count();
    }

    @Override
    public void changed(ChangeEvent event) {
        digester.changed(event);
    }

    @Override
    public void reloaded() {
        digester.reloaded();
    }
}
