package org.geoserver.cluster.datadir.internal;

import java.io.IOException;
import java.util.List;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.geoserver.cluster.datadir.api.DataDirectoryPersistence;
import org.geoserver.cluster.datadir.internal.DataDirectoryLocator.Location;
import java.util.Hashtable;
import java.util.Map;
import org.geoserver.cluster.catalog.api.CatalogReady;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.condition.Condition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initialises the data directory when it is empty and loads the whole catalog from it, at start-up
 * in the background (then the condition {@link org.geoserver.cluster.catalog.api.CatalogReady#CONDITION_ID} is registered).
 * A configuration change that moves the data directory reloads the catalog from the new place. A
 * directory that cannot be read is logged and leaves the catalog as it was; the persister still
 * writes changes to the configured place, and refuses them when it cannot.
 */
// Registered by hand once loaded: declared, so that a resolver finds who provides what the REST API and the applier wait for.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.osgi.service.condition.Condition", uses = Condition.class)
@Component(
        service = Runnable.class,
        immediate = true,
        configurationPid = GeoServerDataDirectory.PID,
        // Run by the REST API's /reload, as GeoServer re-reads its data directory there.
        property = "org.geoserver.cluster.rest.task=reload")
public class DataDirectoryCatalogLoader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryCatalogLoader.class);

    /**
     * Parsing is CPU-bound: one thread per core, at least two so that file reads overlap parsing,
     * at most four since more only adds contention (measured on 2 cores: 2 threads parse 1.4 times
     * as fast as one once the JIT has compiled the parser; on a cold start the JIT is the limit).
     */
    private static final int LOAD_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final Catalog catalog;
    private final DataDirectoryLocator locator;
    private final DataDirectoryLoader loader = new DataDirectoryLoader(new InfoXml(), LOAD_THREADS);
    private volatile Location location;
    /** Guarded by this: the first load may end after the loader was deactivated. */
    private ServiceRegistration<Condition> ready;
    private boolean closed;
    /** Writes what it holds back before a reload, so that the reload reads every applied change. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile DataDirectoryPersistence persistence;

    /**
     * Loads on a thread of its own, so that the rest of Karaf starts meanwhile, and then registers
     * the condition {@link CatalogReady#CONDITION_ID}: what must not see the catalog before it is
     * loaded waits for that.
     */
    @Activate
    public DataDirectoryCatalogLoader(@Reference Catalog catalog, DataDirectoryConfig config, ComponentContext context) {
        this.catalog = catalog;
        this.locator = DataDirectoryLocator.system();
        Location first = locator.locate(config.path());
        this.location = first;
        Thread startup = new Thread(() -> {
            load(first);
            try {
                synchronized (this) {
                    if (!closed) {
                        ready = context.getBundleContext().registerService(Condition.class, Condition.INSTANCE,
                                new Hashtable<>(Map.of(Condition.CONDITION_ID, CatalogReady.CONDITION_ID)));
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("The loader was deactivated during its first load of {}: {}", first, e.getMessage());
            }
        }, "geoserver-datadir-first-load");
        startup.setDaemon(true);
        startup.start();
    }

    /** The catalog is no longer kept up to date from the data directory: whatever waited for it stops. */
    @Deactivate
    synchronized void deactivate() {
        closed = true;
        if (ready != null) {
            ready.unregister();
            ready = null;
        }
    }

    /** Loads at once, on the calling thread (benchmarks). */
    public DataDirectoryCatalogLoader(Catalog catalog, DataDirectoryConfig config) {
        this(catalog, config, DataDirectoryLocator.system());
    }

    DataDirectoryCatalogLoader(Catalog catalog, DataDirectoryConfig config, DataDirectoryLocator locator) {
        this.catalog = catalog;
        this.locator = locator;
        load(locator.locate(config.path()));
    }

    @Modified
    synchronized void modified(DataDirectoryConfig config) {
        Location requested = locator.locate(config.path());
        if (requested.path().equals(location.path())) {
            LOG.info("Data directory stays {}: configured path '{}'", location, config.path());
            return;
        }
        LOG.info("Data directory moves from {} to {}: reloading the catalog", location, requested);
        load(requested);
    }

    /** Reloads the catalog from the data directory, dropping what only lives in memory. */
    @Override
    public void run() {
        load(location);
    }

    private void writePending() {
        DataDirectoryPersistence writer = persistence;
        if (writer == null) {
            return;
        }
        try {
            writer.sync();
        } catch (Exception e) {
            LOG.warn("Changes from other nodes could not be written to {} before the reload, which drops them: {}", location, e.getMessage());
        }
    }

    /** Where the catalog was last loaded from. */
    java.nio.file.Path root() {
        return location.path();
    }

    private synchronized void load(Location requested) {
        writePending();
        location = requested;
        long start = System.nanoTime();
        try {
            DataDirectoryInitializer.initializeIfEmpty(requested.path());
            DataDirectoryLoader.Result result = loader.load(requested.path());
            long read = System.nanoTime();
            List<String> problems = catalog.replaceAll(result.objects());
            LOG.info("Loaded the catalog from the data directory {}: {} objects read in {} ms, catalog built in {} ms; {} files skipped, {} reference problems",
                    requested, result.loaded().size(), (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000,
                    result.problems().size(), problems.size());
            if (!problems.isEmpty()) {
                LOG.warn("Reference problems in the data directory {} (objects left out or references dropped):\n  {}",
                        requested.path(), String.join("\n  ", problems));
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot load the data directory {}: {}; the catalog keeps its previous content", requested, e.toString(), e);
        }
    }
}
