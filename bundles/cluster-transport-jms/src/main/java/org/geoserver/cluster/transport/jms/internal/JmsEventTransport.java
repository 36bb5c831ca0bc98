package org.geoserver.cluster.transport.jms.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.EventHandler;
import org.geoserver.cluster.api.EventTransport;
import org.geoserver.cluster.api.RequestChannel;
import org.geoserver.cluster.api.StatusChannel;
import org.geoserver.cluster.api.NodeStatus;
import org.geoserver.cluster.api.RequestResponder;
import org.geoserver.cluster.api.StateFolder;
import org.geoserver.cluster.api.StatusListener;
import org.geoserver.cluster.api.TransportException;
import org.geoserver.cluster.api.TransportStatistics;
import org.geoserver.cluster.broker.api.EmbeddedBroker;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/** The cluster's event transport over ActiveMQ, assembled from parts that each do one job and never wait for each other's sends. */
// No service through DS, which would copy this PID's keys (the broker password) into the service's properties for anyone to list: registered by hand.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.geoserver.cluster.api.EventTransport,org.geoserver.cluster.api.StatusChannel,org.geoserver.cluster.api.RequestChannel,org.geoserver.cluster.api.TransportStatistics\"", uses = EventTransport.class)
@Component(service = {}, immediate = true, configurationPid = JmsTransportConfig.PID)
@Designate(ocd = JmsTransportConfig.class)
public class JmsEventTransport implements EventTransport, TransportStatistics {

    // The Connector keeps the BrokerLink, whose EventSender and StatusChannel send; EventConsumption
    // consumes this node's own queue of the virtual topic (Consumer.<instanceName>.<topicName>), where
    // the broker keeps events while the node is away; Requester and RequestAnswerer carry requests;
    // RejectedMessages keeps what is no valid event.

    private final ClusterConfiguration configuration;
    /** The keys of the transport's own PID; null in tests that set none. */
    private volatile JmsTransportConfig own;
    private volatile EventHandler handler;
    private volatile RequestResponder responder;
    private final List<StatusListener> statusListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final RejectedMessages rejected;
    private final EventConsumption consumption;
    private final Connector connector;
    private final AutoCloseable subscription;
    /** The services of this transport; null when assembled by hand in tests. */
    private volatile ServiceRegistration<?> registration;

    @Activate
    public JmsEventTransport(
            @Reference ClusterConfiguration configuration,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) EmbeddedBroker embeddedBroker,
            @Reference StateFolder state, JmsTransportConfig own, BundleContext context) {
        this(configuration, embeddedBroker, state.path().resolve("rejected"), own);
        this.registration = context.registerService(new String[] {EventTransport.class.getName(), StatusChannel.class.getName(), RequestChannel.class.getName(),
                TransportStatistics.class.getName()}, this, null);
    }

    /** With the node's settings only, as when the transport's own PID sets nothing. */
    JmsEventTransport(ClusterConfiguration configuration, EmbeddedBroker embeddedBroker, Path rejectedDirectory) {
        this(configuration, embeddedBroker, rejectedDirectory, null);
    }

    JmsEventTransport(ClusterConfiguration configuration, EmbeddedBroker embeddedBroker, Path rejectedDirectory, JmsTransportConfig own) {
        this.configuration = configuration;
        this.own = own;
        this.rejected = new RejectedMessages(rejectedDirectory);
        this.consumption = new EventConsumption(configuration, () -> handler, rejected);
        RequestAnswerer answerer = new RequestAnswerer(configuration, () -> responder);
        this.connector = new Connector(embeddedBroker, this::statusReceived, List.of(consumption, answerer));
        this.subscription = configuration.subscribe(changed -> connector.reconnect(() -> TransportSettings.overlay(changed, this.own)));
    }

    /** The transport's own keys changed (etc/org.geoserver.cluster.transport.jms.cfg): connect again with them. */
    @Modified
    void modified(JmsTransportConfig changed) {
        this.own = changed;
        connector.reconnect(() -> TransportSettings.overlay(configuration.current(), changed));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setHandler(EventHandler eventHandler) {
        this.handler = eventHandler;
        connector.refresh();
    }

    void unsetHandler(EventHandler eventHandler) {
        if (this.handler == eventHandler) {
            this.handler = null;
            connector.refresh();
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        if (registration != null) {
            registration.unregister();
        }
        consumption.close();
        subscription.close();
        connector.close();
    }

    @Override
    public long published() {
        return published.get();
    }

    @Override
    public long received() {
        return consumption.received();
    }

    @Override
    public long rejected() {
        return rejected.count();
    }

    @Override
    public void publish(ClusterEvent event) throws TransportException {
        BrokerLink link = connector.link();
        if (link == null) {
            throw new TransportException("not connected to " + connector.target(), null);
        }
        link.events().send(event);
        published.incrementAndGet();
    }

    @Override
    public void publishStatus(NodeStatus status) throws TransportException {
        BrokerLink link = connector.link();
        if (link == null) {
            throw new TransportException("not connected to " + connector.target(), null);
        }
        link.statuses().send(status);
    }

    @Override
    public AutoCloseable subscribeStatus(StatusListener listener) {
        statusListeners.add(listener);
        return () -> statusListeners.remove(listener);
    }

    private void statusReceived(NodeStatus status) {
        for (StatusListener listener : statusListeners) {
            listener.statusReceived(status);
        }
    }

    @Override
    public byte[] request(String node, String subject, byte[] body, Duration timeout) throws TransportException {
        BrokerLink link = connector.link();
        if (link == null) {
            throw new TransportException("cannot ask " + node + " for " + subject + ": not connected to " + connector.target(), null);
        }
        return Requester.ask(link, node, subject, body, timeout);
    }

    @Override
    public AutoCloseable serveRequests(RequestResponder requestResponder) {
        this.responder = requestResponder;
        connector.refresh();
        return () -> {
            if (this.responder == requestResponder) {
                this.responder = null;
                connector.refresh();
            }
        };
    }

    @Override
    public boolean isConnected() {
        return connector.isConnected();
    }

    @Override
    public String describe() {
        ClusterSettings current = connector.settings();
        if (current == null) {
            return "not configured";
        }
        return (connector.isConnected() ? "connected to " : "connecting to ") + connector.url() + ", topic " + current.topicName()
                + (consumption.isConsuming() ? ", consuming " + Destinations.source(current) : ", not consuming") + ", received " + consumption.received()
                + ", rejected " + rejected.count();
    }
}
