package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.PERSISTENCE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogListener;
import org.geoserver.cluster.catalog.api.CatalogPersistence;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.GeoServerInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.LayerGroupInfo;
import org.geoserver.cluster.catalog.api.LoggingInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.PropertyChange;
import org.geoserver.cluster.catalog.api.ResourceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.SettingsInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.types.GeoServerTypes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-memory catalog: validated changes, persisted through the highest-ranked {@link CatalogPersistence}, announced in commit order. */
@Component(service = Catalog.class, immediate = true)
public class CatalogImpl implements Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogImpl.class);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final CatalogRules rules;
    private final ReloadCheck reloadCheck = new ReloadCheck();
    private final CatalogListeners listeners = new CatalogListeners();
    private final SnapshotLoader loader;
    private volatile CatalogPersistence persistence;
    private final GroupCommit commits;
    private CatalogState state;
    private long sequence;

    @Activate
    public CatalogImpl() {
        this(Clock.systemUTC());
    }

    CatalogImpl(Clock clock) {
        this.rules = new CatalogRules(clock);
        this.loader = new SnapshotLoader(rules);
        this.state = loader.load(List.of()).state();
        this.commits = new GroupCommit(lock.writeLock(), () -> persistence, listeners, last -> sequence = last);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(CatalogListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CatalogListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setPersistence(CatalogPersistence service) {
        this.persistence = service;
    }

    public void unsetPersistence(CatalogPersistence service) {
        if (this.persistence == service) {
            this.persistence = null;
        }
    }

    // ---------------------------------------------------------------- reads

    private <T> T read(Supplier<T> reader) {
        Lock read = lock.readLock();
        read.lock();
        try {
            return reader.get();
        } finally {
            read.unlock();
        }
    }

    private static <T extends Info> T copy(T info) {
        return info == null ? null : Info.copyOf(info);
    }

    private static <T extends Info> List<T> copies(List<T> infos) {
        List<T> copies = new ArrayList<>(infos.size());
        for (T info : infos) {
            copies.add(Info.copyOf(info));
        }
        return copies;
    }

    @Override
    public Info getById(String id) {
        return read(() -> copy(state.get(id)));
    }

    @Override
    public <T extends Info> T getById(String id, Class<T> type) {
        return read(() -> copy(state.get(id, type)));
    }

    @Override
    public <T extends Info> List<T> list(Class<T> type) {
        return read(() -> copies(state.all(type)));
    }

    @Override
    public WorkspaceInfo getWorkspaceByName(String name) {
        return read(() -> copy(state.workspace(name)));
    }

    @Override
    public NamespaceInfo getNamespaceByPrefix(String prefix) {
        return read(() -> copy(state.namespace(prefix)));
    }

    @Override
    public NamespaceInfo getNamespaceByURI(String uri) {
        return read(() -> copy(state.lookup(new Key.NamespaceUri(uri), NamespaceInfo.class)));
    }

    @Override
    public <T extends StoreInfo> T getStoreByName(String workspace, String name, Class<T> type) {
        return read(() -> {
            WorkspaceInfo ws = state.workspace(workspace);
            return ws == null ? null : copy(state.lookup(new Key.Store(ws.getId(), name), type));
        });
    }

    @Override
    public <T extends ResourceInfo> T getResourceByName(String workspace, String name, Class<T> type) {
        return read(() -> copy(resource(workspace, name, type)));
    }

    private <T extends ResourceInfo> T resource(String workspace, String name, Class<T> type) {
        NamespaceInfo ns = state.namespace(workspace);
        return ns == null ? null : state.lookup(new Key.Resource(ns.getId(), name), type);
    }

    @Override
    public LayerInfo getLayerByName(String name) {
        return read(() -> {
            int colon = name.indexOf(':');
            if (colon >= 0) {
                ResourceInfo resource = resource(name.substring(0, colon), name.substring(colon + 1), ResourceInfo.class);
                return resource == null ? null : copy(state.lookup(new Key.LayerOf(resource.getId()), LayerInfo.class));
            }
            WorkspaceInfo defaultWorkspace = defaultWorkspace();
            if (defaultWorkspace != null) {
                ResourceInfo resource = resource(defaultWorkspace.getName(), name, ResourceInfo.class);
                if (resource != null && state.lookup(new Key.LayerOf(resource.getId())) != null) {
                    return copy(state.lookup(new Key.LayerOf(resource.getId()), LayerInfo.class));
                }
            }
            List<LayerInfo> matches = state.all(LayerInfo.class).stream().filter(l -> name.equals(l.getName())).toList();
            return matches.size() == 1 ? copy(matches.get(0)) : null;
        });
    }

    @Override
    public LayerInfo getLayerByResource(String resourceId) {
        return read(() -> copy(state.lookup(new Key.LayerOf(resourceId), LayerInfo.class)));
    }

    @Override
    public LayerGroupInfo getLayerGroupByName(String workspace, String name) {
        return read(() -> copy(scoped(Key.LayerGroup::new, workspace, name, LayerGroupInfo.class)));
    }

    @Override
    public StyleInfo getStyleByName(String workspace, String name) {
        return read(() -> copy(scoped(Key.Style::new, workspace, name, StyleInfo.class)));
    }

    /** An object named in a workspace given by name, null meaning the global scope. */
    private <T extends Info> T scoped(BiFunction<String, String, Key> key, String workspace, String name, Class<T> type) {
        if (workspace == null) {
            return state.lookup(key.apply(null, name), type);
        }
        WorkspaceInfo ws = state.workspace(workspace);
        return ws == null ? null : state.lookup(key.apply(ws.getId(), name), type);
    }

    @Override
    public List<StoreInfo> getStoresByWorkspace(String workspaceId) {
        return read(() -> copies(state.referrers(new Referrers.StoresOf(workspaceId), StoreInfo.class)));
    }

    @Override
    public List<ResourceInfo> getResourcesByStore(String storeId) {
        return read(() -> copies(state.referrers(new Referrers.ResourcesOfStore(storeId), ResourceInfo.class)));
    }

    @Override
    public WorkspaceInfo getDefaultWorkspace() {
        return read(() -> copy(defaultWorkspace()));
    }

    private WorkspaceInfo defaultWorkspace() {
        CatalogDefaults defaults = state.defaults();
        return defaults == null ? null : state.get(defaults.getDefaultWorkspace(), WorkspaceInfo.class);
    }

    @Override
    public NamespaceInfo getDefaultNamespace() {
        return read(() -> {
            WorkspaceInfo workspace = defaultWorkspace();
            return workspace == null ? null : copy(state.namespace(workspace.getName()));
        });
    }

    @Override
    public StoreInfo getDefaultStore(String workspaceId) {
        return read(() -> state.referrers(new Referrers.StoresOf(workspaceId), StoreInfo.class).stream().filter(StoreInfo::isDefault).findFirst().map(CatalogImpl::copy).orElse(null));
    }

    @Override
    public GeoServerInfo getGlobal() {
        return read(() -> copy(state.get(GeoServerInfo.ID, GeoServerInfo.class)));
    }

    @Override
    public LoggingInfo getLogging() {
        return read(() -> copy(state.get(LoggingInfo.ID, LoggingInfo.class)));
    }

    @Override
    public SettingsInfo getSettings(String workspaceId) {
        return read(() -> copy(state.lookup(new Key.Settings(workspaceId), SettingsInfo.class)));
    }

    @Override
    public ServiceInfo getService(String serviceType, String workspaceId) {
        return read(() -> copy(state.lookup(new Key.Service(workspaceId, serviceType), ServiceInfo.class)));
    }

    // ---------------------------------------------------------------- changes

    /**
     * A change made here is applied and its files planned under the lock, then put on disk with the
     * changes of other writers after it ({@link GroupCommit}), so that readers never wait for the
     * disk. A change from another node is applied once no local change waits for the disk, so that
     * its condition (is it newer?) sees every earlier local change as recorded by the listeners.
     */
    @Override
    public List<ChangeEvent> apply(Change change) {
        boolean local = change.origin() == null;
        Lock write = local ? lockForLocalChange() : lockWithoutWaitingChanges();
        List<ChangeEvent> events;
        GroupCommit.Pending pending;
        try {
            if (change.condition() != null && !change.condition().getAsBoolean()) {
                return List.of();
            }
            Transaction tx = new Transaction(state, change);
            try {
                if (change.operation() != Change.Operation.REMOVE) {
                    checkTypes(change);
                    // Upgraded before the rules see it (a pre-2.3 group's members are typed by what they name); the transaction presents what it derives.
                    tx.present(change.info(), change.operation() == Change.Operation.ADD);
                }
                switch (change.operation()) {
                    case ADD -> rules.add(tx, change.info());
                    case SAVE -> rules.save(tx, change.info());
                    case REMOVE -> rules.remove(tx, change.info(), change.recursive());
                }
                if (tx.isEmpty()) {
                    return List.of();
                }
                events = tx.events(sequence + 1);
                if (local) {
                    // Other nodes' objects were read from XML already; this node's may come from anywhere (JSON, code).
                    for (ChangeEvent event : events) {
                        if (event.after() != null) {
                            reloadCheck.require(event.after());
                        }
                    }
                }
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            }
            pending = commit(events, tx::rollback, events.get(0).info(), local);
        } finally {
            write.unlock();
        }
        if (pending != null) {
            commits.await(pending);
        }
        return events;
    }

    private Lock lockForLocalChange() {
        Lock write = lock.writeLock();
        write.lock();
        return write;
    }

    /** The write lock, taken when no local change waits for the disk (those are carried out first). */
    private Lock lockWithoutWaitingChanges() {
        Lock write = lock.writeLock();
        while (true) {
            commits.drain();
            write.lock();
            if (commits.isEmpty()) {
                return write;
            }
            write.unlock();
        }
    }

    /** Refuses a value of the wrong type in an object changed on this node, naming the object, the property, the value and what was expected. */
    private static void checkTypes(Change change) {
        if (change.origin() == null) {
            GeoServerTypes.check(change.info().xml()).ifPresent(violation -> {
                throw new CatalogException(INVALID, violation.message());
            });
        }
    }

    @Override
    public List<String> replaceAll(Collection<? extends Info> contents) {
        Lock write = lockWithoutWaitingChanges();
        try {
            SnapshotLoader.Result result = loader.load(contents);
            state = result.state();
            for (String problem : result.problems()) {
                LOG.warn("Left out of the catalog: {}", problem);
            }
            listeners.reloaded();
            return result.problems();
        } finally {
            write.unlock();
        }
    }

    @Override
    public List<ChangeEvent> install(Collection<? extends Info> contents, Map<String, byte[]> styleBodies, String origin) {
        Lock write = lockWithoutWaitingChanges();
        try {
            SnapshotLoader.Result result = loader.load(contents);
            if (!result.problems().isEmpty()) {
                throw new CatalogException(INVALID, "the configuration of " + origin + " cannot be installed: " + result.problems().size()
                        + " objects do not resolve, e.g. " + result.problems().subList(0, Math.min(3, result.problems().size())));
            }
            CatalogState before = state;
            List<ChangeEvent> events = differences(before, result.state(), styleBodies, origin, sequence + 1);
            if (events.isEmpty()) {
                return events;
            }
            state = result.state();
            commit(events, () -> state = before, "the configuration of " + origin, false);
            return events;
        } finally {
            write.unlock();
        }
    }

    /**
     * Plans the files of a change already in {@link #state} and announces it: a local one once on
     * disk (the pending change returned, to await without the lock), one from another node at once
     * (its files follow in the applier's {@link CatalogPersistence#sync}). Undoes the change when
     * its files cannot be planned, naming {@code what} (turned into text only then: it is the first
     * object of every change).
     */
    private GroupCommit.Pending commit(List<ChangeEvent> events, Runnable undo, Object what, boolean local) {
        CatalogPersistence writer = persistence;
        if (writer != null) {
            try {
                writer.persist(events, this);
            } catch (CatalogException e) { // the writer can never store it (e.g. a name too long for a file name)
                undo.run();
                throw e;
            } catch (Exception e) {
                undo.run();
                throw new CatalogException(PERSISTENCE, "could not write " + what + ": " + e.getMessage(), e);
            }
        }
        sequence += events.size();
        if (local) {
            return commits.queue(events, undo, what);
        }
        listeners.changed(events);
        return null;
    }

    /** The events taking {@code from} to {@code to}: removals of dependents first, then additions and modifications of dependencies first. */
    private static List<ChangeEvent> differences(CatalogState from, CatalogState to, Map<String, byte[]> styleBodies, String origin, long firstSequence) {
        List<Info> removed = new ArrayList<>();
        for (Info old : from.all(Info.class)) {
            if (to.get(old.getId()) == null) {
                removed.add(old);
            }
        }
        List<Info> written = new ArrayList<>();
        for (Info now : to.all(Info.class)) {
            Info old = from.get(now.getId());
            if (old == null || !old.xml().equals(now.xml()) || styleBodies.containsKey(now.getId())) {
                written.add(now);
            }
        }
        removed.sort(Comparator.comparingInt((Info info) -> SnapshotLoader.rank(info.type())).reversed());
        written.sort(Comparator.comparingInt(info -> SnapshotLoader.rank(info.type())));
        List<ChangeEvent> events = new ArrayList<>(removed.size() + written.size());
        long next = firstSequence;
        for (Info old : removed) {
            events.add(new ChangeEvent(next++, ChangeEvent.Kind.REMOVE, old.copy(), null, List.of(), origin, null, old instanceof StyleInfo));
        }
        for (Info now : written) {
            Info old = from.get(now.getId());
            ChangeEvent.Kind kind = old == null ? ChangeEvent.Kind.ADD : ChangeEvent.Kind.MODIFY;
            List<PropertyChange> changes = old == null ? List.of() : Transaction.diff(old.xml(), now.xml());
            events.add(new ChangeEvent(next++, kind, old == null ? null : old.copy(), now.copy(), changes, origin, styleBodies.get(now.getId()), false));
        }
        return events;
    }
}
