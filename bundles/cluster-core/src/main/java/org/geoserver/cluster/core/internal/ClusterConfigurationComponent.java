package org.geoserver.cluster.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.StateFolder;
import org.geoserver.cluster.files.AtomicFiles;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the cluster configuration: validates every change (a bad value is logged with its key and the
 * previous settings stay), keeps the generated instance name across restarts, tells subscribers.
 */
// No service through DS, which would copy this PID's keys (broker password, shared secret) into the service's properties for anyone to list: registered by hand.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.geoserver.cluster.api.ClusterConfiguration", uses = ClusterConfiguration.class)
@Component(service = {}, immediate = true, configurationPid = ClusterSettings.PID)
@Designate(ocd = ClusterConfig.class)
public class ClusterConfigurationComponent implements ClusterConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfigurationComponent.class);

    private final ConfigurationAdmin configurationAdmin;
    private final String generatedInstanceName;
    private final CopyOnWriteArrayList<Consumer<ClusterSettings>> listeners = new CopyOnWriteArrayList<>();
    private volatile ClusterSettings current;
    /** The service; null when made by hand in tests. */
    private volatile ServiceRegistration<ClusterConfiguration> registration;

    @Activate
    public ClusterConfigurationComponent(ClusterConfig config, @Reference ConfigurationAdmin configurationAdmin, @Reference StateFolder state,
            BundleContext context) {
        this(config, configurationAdmin, state.path());
        this.registration = context.registerService(ClusterConfiguration.class, this, null);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    ClusterConfigurationComponent(ClusterConfig config, ConfigurationAdmin configurationAdmin, Path stateDirectory) {
        this.configurationAdmin = configurationAdmin;
        this.generatedInstanceName = keptInstanceName(stateDirectory);
        try {
            current = SettingsParser.parse(config, generatedInstanceName);
        } catch (SettingsParser.BadValueException e) {
            LOG.error("Rejected {} configuration: {}; using the defaults", ClusterSettings.PID, e.getMessage());
            current = defaults();
        }
        LOG.info("Cluster configuration: {}", current);
    }

    @Modified
    void modified(ClusterConfig config) {
        try {
            ClusterSettings accepted = SettingsParser.parse(config, generatedInstanceName);
            if (accepted.equals(current)) {
                return;
            }
            current = accepted;
            LOG.info("Cluster configuration changed: {}", accepted);
            listeners.forEach(listener -> notify(listener, accepted));
        } catch (SettingsParser.BadValueException e) {
            LOG.error("Rejected {} configuration: {}; keeping {}", ClusterSettings.PID, e.getMessage(), current);
        }
    }

    @Override
    public ClusterSettings current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<ClusterSettings> listener) {
        listeners.add(listener);
        notify(listener, current);
        return () -> listeners.remove(listener);
    }

    @Override
    public void update(Map<String, String> changes) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(ClusterSettings.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>() : configuration.getProperties();
        changes.forEach(properties::put);
        configuration.update(properties);
    }

    private static void notify(Consumer<ClusterSettings> listener, ClusterSettings settings) {
        try {
            listener.accept(settings);
        } catch (RuntimeException e) {
            LOG.error("Cluster configuration listener {} failed: {}", listener, e.getMessage(), e);
        }
    }

    private ClusterSettings defaults() {
        return new ClusterSettings(generatedInstanceName, "geoserver-cluster", "", "VirtualTopic.geoserver", true, true, true, false, true, "", "", "", true);
    }

    /** A UUID generated on first start and kept, so the node keeps its identity (and its queue). */
    private static String keptInstanceName(Path stateDirectory) {
        Path file = stateDirectory.resolve("instance-name");
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String generated = UUID.randomUUID().toString();
            AtomicFiles.writeDurably(file, (generated + "\n").getBytes(StandardCharsets.UTF_8));
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated instance name in " + file, e);
        }
    }
}
