package org.geoserver.cluster.datadir.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogPersistence;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.StyleFiles;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.datadir.api.DataDirectory;
import org.geoserver.cluster.datadir.api.DataDirectoryPersistence;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes catalog changes to the data directory as GeoServer does: one file per object, written
 * atomically; a renamed or moved workspace, store or resource takes its folder along; a removed one
 * takes its folder away; {@code workspaces/default.xml} follows the default workspace. Changes from
 * other nodes are written like local ones: whether they should be is the cluster's decision, made
 * by a higher-ranked {@link CatalogPersistence} that may delegate here through
 * {@link DataDirectoryPersistence}.
 *
 * <p>{@link #persist} only plans a change's file operations; {@link #sync} carries out what is
 * planned, in order: a file changed many times meanwhile is written once, the others by several
 * threads, each on disk before it replaces the old one, and each folder synced once. The catalog
 * syncs local changes (several writers' together) before it answers them, the cluster the changes
 * from other nodes once per batch the transport acknowledges. Whatever reads or writes the data
 * directory here first carries out what is pending, so the files always follow the order of the
 * changes.
 */
@Component(
        service = {CatalogPersistence.class, StyleFiles.class, DataDirectoryPersistence.class},
        property = Constants.SERVICE_RANKING + ":Integer=0")
public class DataDirectoryPersister implements DataDirectoryPersistence {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryPersister.class);

    private final DataDirectory dataDirectory;
    private final InfoXml xml = new InfoXml();
    /** The file operations planned and not carried out yet, in order; guarded by this. */
    private final FilePlan pending = new FilePlan();
    private final ExecutorService writers = FilePlan.writers();

    @Activate
    public DataDirectoryPersister(@Reference DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public void persist(List<ChangeEvent> changes, Catalog after) throws IOException {
        DataDirectoryLayout layout = new DataDirectoryLayout(dataDirectory.root(), dataDirectory.maxFileNameBytes());
        OnDisk onDisk = new OnDisk(changes, after);
        FilePlan plan = new FilePlan();
        for (ChangeEvent event : changes) {
            try {
                plan.event(event);
                write(layout, event, onDisk, after, plan);
            } catch (LayoutException e) {
                // Nothing is written yet, and this object can never be: refused, not retried.
                throw new CatalogException(CatalogException.Reason.INVALID, "cannot be stored in the data directory: " + e.getMessage(), e);
            }
        }
        synchronized (this) {
            pending.addAll(plan);
        }
    }

    @Override
    public synchronized void discard(List<ChangeEvent> events) {
        pending.discard(events);
    }

    @Override
    public synchronized void sync() throws IOException {
        carryOutPending();
    }

    /** Writes what is pending when the persister goes away (the bundle stops or is updated), so that no applied change is left in memory only. */
    @Deactivate
    synchronized void deactivate() {
        try {
            sync();
        } catch (IOException e) {
            LOG.error("Stopping with {} planned file operations not carried out in {}: {}", pending.size(), dataDirectory.root(), e.getMessage(), e);
        } finally {
            writers.shutdown();
        }
    }

    private void carryOutPending() throws IOException {
        if (!pending.isEmpty()) {
            pending.execute(dataDirectory.root(), writers);
        }
    }

    @Override
    public Optional<byte[]> read(StyleInfo style, Catalog catalog) {
        synchronized (this) {
            try {
                carryOutPending();
            } catch (IOException e) {
                LOG.warn("Reading the file of {} while changes from other nodes could not be written: {}", style, e.getMessage());
            }
        }
        Path file;
        try {
            file = new DataDirectoryLayout(dataDirectory.root()).styleFile(style, catalog::getById);
        } catch (LayoutException e) {
            LOG.warn("Cannot locate the style file: {}", e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read {}, the file of {}: {}", file, style, e.toString());
            return Optional.empty();
        }
    }

    /** Takes the data directory from the state before this event to the state after it. */
    private void write(DataDirectoryLayout layout, ChangeEvent event, OnDisk onDisk, Catalog after, FilePlan plan) throws LayoutException {
        if (event.info() instanceof CatalogDefaults) {
            writeDefaultWorkspace(layout, after, plan);
            return;
        }
        Place old = event.before() == null ? null : placeBefore(layout, event, onDisk);
        onDisk.written(event);
        if (event.after() == null) {
            if (old != null) {
                plan.delete(old.folder() != null ? old.folder() : old.file());
                if (event.purge() && old.styleFile() != null) {
                    plan.delete(old.styleFile());
                }
            }
            return;
        }
        Place now = place(layout, event.after(), onDisk);
        if (old != null && old.folder() != null && !old.folder().equals(now.folder())) {
            plan.move(old.folder(), now.folder());
        }
        Info written = event.after();
        plan.write(now.file(), () -> xml.toBytes(written));
        if (old != null && old.folder() == null && !old.file().equals(now.file())) {
            // Only once the new file is in place: a crash in between leaves a duplicate, never nothing.
            plan.delete(old.file());
        }
        if (old != null && old.styleFile() != null && !old.styleFile().equals(now.styleFile())) {
            plan.move(old.styleFile(), now.styleFile());
        }
        if (event.styleBody() != null) {
            byte[] body = event.styleBody();
            plan.write(now.styleFile(), () -> body);
        }
        WorkspaceInfo defaultWorkspace = event.after() instanceof WorkspaceInfo ? after.getDefaultWorkspace() : null;
        if (defaultWorkspace != null && defaultWorkspace.getId().equals(event.after().getId())) {
            writeDefaultWorkspace(layout, after, plan);
        }
    }

    /** default.xml is a copy of the default workspace's workspace.xml; without a default workspace there is none. */
    private void writeDefaultWorkspace(DataDirectoryLayout layout, Catalog after, FilePlan plan) {
        WorkspaceInfo workspace = after.getDefaultWorkspace();
        if (workspace == null) {
            plan.delete(layout.defaultWorkspaceFile());
        } else {
            plan.write(layout.defaultWorkspaceFile(), () -> xml.toBytes(workspace));
        }
    }

    /** Where the object was; null (with a warning) when its references are gone, so that there is nothing to clean up. */
    private static Place placeBefore(DataDirectoryLayout layout, ChangeEvent event, OnDisk onDisk) {
        try {
            return place(layout, event.before(), onDisk);
        } catch (LayoutException e) {
            LOG.warn("Cannot tell where {} was in the data directory, so its old files stay: {}", event.before(), e.getMessage());
            return null;
        }
    }

    private static Place place(DataDirectoryLayout layout, Info info, Function<String, Info> lookup) throws LayoutException {
        return new Place(
                layout.file(info, lookup),
                layout.ownFolder(info, lookup),
                info instanceof StyleInfo style ? layout.styleFile(style, lookup) : null);
    }

    /** An object's file, the folder it owns (null for single-file objects) and its style file (null for other than styles). */
    private record Place(Path file, Path folder, Path styleFile) {}

    /**
     * The objects as the data directory holds them while the events of one change are written one
     * after the other: an object the change touches is as its last written event left it (before
     * the first one, as it was before the change), any other as the catalog has it. So each event
     * finds its object's old place, even when the change also renamed or removed what it refers to.
     */
    private static final class OnDisk implements Function<String, Info> {

        /** Objects the change touches; a null value is an object that does not exist at this point. */
        private final Map<String, Info> touched = new HashMap<>();
        private final Catalog catalog;

        OnDisk(List<ChangeEvent> events, Catalog catalog) {
            this.catalog = catalog;
            for (ChangeEvent event : events) {
                if (!touched.containsKey(event.info().getId())) {
                    touched.put(event.info().getId(), event.before());
                }
            }
        }

        void written(ChangeEvent event) {
            touched.put(event.info().getId(), event.after());
        }

        @Override
        public Info apply(String id) {
            return touched.containsKey(id) ? touched.get(id) : catalog.getById(id);
        }
    }
}
