package org.geoserver.cluster.broker.internal;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.DestinationInterceptor;
import org.apache.activemq.broker.region.virtual.VirtualDestination;
import org.apache.activemq.broker.region.virtual.VirtualDestinationInterceptor;
import org.apache.activemq.broker.region.virtual.VirtualTopic;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.network.NetworkConnector;
import org.apache.activemq.security.AuthenticationUser;
import org.apache.activemq.security.SimpleAuthenticationPlugin;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.geoserver.cluster.broker.api.EmbeddedBroker;
import org.geoserver.cluster.catalog.api.CatalogReady;
import org.osgi.service.condition.Condition;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an ActiveMQ Classic broker in this node. A configuration change restarts the broker with
 * the new settings; a value that cannot be used is logged with its key and leaves the running
 * broker (or, when the new settings fail to start, the previous ones) in place.
 */
@Component(service = EmbeddedBroker.class, immediate = true, configurationPid = ActiveMqEmbeddedBroker.PID)
@Designate(ocd = BrokerConfig.class)
public class ActiveMqEmbeddedBroker implements EmbeddedBroker {

    /** Config Admin PID, file etc/org.geoserver.cluster.broker.cfg. */
    public static final String PID = "org.geoserver.cluster.broker";

    private static final Logger LOG = LoggerFactory.getLogger(ActiveMqEmbeddedBroker.class);

    private final File defaultDataRoot;

    /** Settings of the running broker, or the last ones accepted when it is disabled. */
    private BrokerSettings applied;
    private BrokerService broker;
    private volatile List<URI> connectorUris = List.of();
    private volatile String lastError;

    /**
     * Waits for the condition {@link CatalogReady}: a broker's start costs more than a second of CPU, which on a
     * small machine the data directory's load at start-up needs more. The node serves its
     * configuration first, then joins the cluster (whose applier waits for the catalog anyway).
     */
    @Activate
    public ActiveMqEmbeddedBroker(@Reference(target = CatalogReady.TARGET) Condition catalogReady, BrokerConfig config, BundleContext context) {
        this(config, context.getProperty("karaf.data") == null ? null : new File(context.getProperty("karaf.data"), "activemq"));
    }

    /** @param defaultDataRoot where brokers keep their data when dataDirectory is empty; null for none */
    ActiveMqEmbeddedBroker(BrokerConfig config, File defaultDataRoot) {
        this.defaultDataRoot = defaultDataRoot;
        reconfigure(config);
    }

    @Modified
    synchronized void modified(BrokerConfig config) {
        reconfigure(config);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    @Override
    public synchronized String brokerName() {
        return applied == null ? "" : applied.brokerName();
    }

    @Override
    public synchronized boolean isRunning() {
        return broker != null && broker.isStarted();
    }

    @Override
    public List<URI> connectorUris() {
        return connectorUris;
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    private synchronized void reconfigure(BrokerConfig config) {
        BrokerSettings requested;
        try {
            requested = BrokerSettings.from(config, defaultDataRoot);
        } catch (ConfigurationException e) {
            fail("Rejected " + PID + " configuration: " + e.getMessage() + "; "
                    + (broker != null ? "the broker keeps running with " + applied : "the broker stays stopped"), e);
            return;
        }
        if (requested.equals(applied) && (broker != null || !requested.enabled())) {
            return;
        }
        BrokerSettings previous = applied;
        stop();
        if (!requested.enabled()) {
            applied = requested;
            lastError = null;
            LOG.info("Embedded broker '{}' disabled by {} enabled=false", requested.brokerName(), PID);
            return;
        }
        try {
            start(requested);
            applied = requested;
            lastError = null;
        } catch (Exception e) {
            StringBuilder problem = new StringBuilder("Embedded broker '").append(requested.brokerName())
                    .append("' could not start with ").append(culprit(requested, e)).append(": ").append(rootMessage(e));
            if (previous != null && previous.enabled()) {
                try {
                    start(previous);
                    problem.append("; restarted with the previous settings (").append(previous).append(')');
                } catch (Exception again) {
                    problem.append("; the previous settings failed too: ").append(rootMessage(again));
                }
            } else {
                problem.append("; the broker is stopped");
            }
            fail(problem.toString(), e);
        }
    }

    private void start(BrokerSettings settings) throws Exception {
        BrokerService service = new BrokerService();
        service.setBrokerName(settings.brokerName());
        service.setUseShutdownHook(false);
        service.setUseLocalHostBrokerName(false);
        service.setSchedulerSupport(false);
        service.setDataDirectoryFile(settings.dataDirectory());
        service.setTmpDataDirectory(new File(settings.dataDirectory(), "tmp"));
        service.setPersistent(settings.persistent());
        // Karaf already runs a JMX connector (and an RMI registry on 1099): register MBeans only.
        service.getManagementContext().setCreateConnector(false);
        if (settings.persistent()) {
            KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
            kahaDb.setDirectory(new File(settings.dataDirectory(), "kahadb"));
            kahaDb.setEnableIndexWriteAsync(true);
            service.setPersistenceAdapter(kahaDb);
        }
        // Each node's queue of a virtual topic stores its copy of an event in parallel: otherwise a
        // queue is handed the event only after the previous queue's copy reached the disk, and the
        // journal can write the copies with one sync.
        VirtualTopic virtualTopic = new VirtualTopic();
        virtualTopic.setConcurrentSend(true);
        VirtualDestinationInterceptor virtualDestinations = new VirtualDestinationInterceptor();
        virtualDestinations.setVirtualDestinations(new VirtualDestination[] {virtualTopic});
        service.setDestinationInterceptors(new DestinationInterceptor[] {virtualDestinations});
        if (settings.authenticated()) {
            AuthenticationUser user = new AuthenticationUser(settings.user(), settings.password(), "admins");
            service.setPlugins(new BrokerPlugin[] {new SimpleAuthenticationPlugin(List.of(user))});
        }
        List<TransportConnector> connectors = new ArrayList<>();
        for (URI uri : settings.transportConnectors()) {
            connectors.add(service.addConnector(uri));
        }
        if (!settings.networkConnectors().isEmpty()) {
            // Nodes consume per-node queues of a virtual topic: forward topic messages to the brokers
            // where such queues have consumers, not only where the topic itself has subscribers.
            service.setUseVirtualDestSubs(true);
        }
        for (URI uri : settings.networkConnectors()) {
            NetworkConnector network = service.addNetworkConnector(uri);
            network.setName(settings.brokerName() + "->" + uri);
            network.setUseVirtualDestSubs(true);
            if (settings.authenticated()) {
                network.setUserName(settings.user());
                network.setPassword(settings.password());
            }
        }
        try {
            service.start();
            service.waitUntilStarted();
            if (!service.isStarted()) {
                throw new IllegalStateException("the broker stopped while starting");
            }
        } catch (Exception e) {
            // A failed start can leave connectors bound; release them before anyone retries.
            stopQuietly(service);
            throw e;
        }
        broker = service;
        connectorUris = boundUris(settings.transportConnectors(), connectors);
        LOG.info("Embedded broker '{}' started, listening on {} ({})", settings.brokerName(), connectorUris, settings);
    }

    private void stop() {
        BrokerService running = broker;
        broker = null;
        connectorUris = List.of();
        if (running != null) {
            stopQuietly(running);
            LOG.info("Embedded broker '{}' stopped", running.getBrokerName());
        }
    }

    private static void stopQuietly(BrokerService service) {
        try {
            service.stop();
            service.waitUntilStopped();
        } catch (Exception e) {
            LOG.warn("Embedded broker '{}' did not stop cleanly: {}", service.getBrokerName(), rootMessage(e), e);
        }
    }

    /** The configured host with the port actually bound (which differs when port 0 was asked for). */
    private static List<URI> boundUris(List<URI> configured, List<TransportConnector> connectors) throws IOException, URISyntaxException {
        List<URI> bound = new ArrayList<>();
        for (int i = 0; i < connectors.size(); i++) {
            URI uri = configured.get(i);
            InetSocketAddress address = connectors.get(i).getServer() == null ? null : connectors.get(i).getServer().getSocketAddress();
            bound.add(address == null ? uri : new URI(uri.getScheme(), null, uri.getHost(), address.getPort(), null, null, null));
        }
        return List.copyOf(bound);
    }

    /** Names the key and value a start failure most likely comes from. */
    private static String culprit(BrokerSettings settings, Throwable failure) {
        String messages = allMessages(failure);
        for (URI uri : settings.transportConnectors()) {
            if (uri.getHost() != null && messages.contains(uri.getHost() + ":" + uri.getPort())) {
                return "transportConnectorURIs=" + uri;
            }
        }
        for (URI uri : settings.networkConnectors()) {
            if (messages.contains(uri.toString())) {
                return "networkConnectorURIs=" + uri;
            }
        }
        return settings.toString();
    }

    private static String allMessages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + " (" + root + ")";
    }

    private void fail(String problem, Exception cause) {
        lastError = problem;
        LOG.error(problem);
        LOG.debug("Cause of: {}", problem, cause);
    }
}
