package org.geoserver.cluster.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.karaf.features.FeaturesService;
import org.geoserver.cluster.broker.api.EmbeddedBroker;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.CatalogReady;
import org.osgi.service.condition.Condition;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** A stock Karaf 4.4.10 with our features repository added and geoserver-cluster installed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GeoServerClusterFeatureTest {

    private static final String BROKER_PID = StockKaraf.BROKER_PID;

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private MetaTypeService metaType;

    @Inject
    @Filter(timeout = 60_000)
    private Catalog catalog;

    /** The catalog's content is there once this is (the data directory loads in the background). */
    @Inject
    @Filter(value = CatalogReady.TARGET, timeout = 60_000)
    private Condition catalogReady;

    @Inject
    @Filter(timeout = 60_000)
    private EmbeddedBroker broker;

    @Configuration
    public Option[] config() {
        return StockKaraf.withGeoServerCluster(editConfigurationFilePut("etc/" + BROKER_PID + ".cfg", "brokerName", "paxexam"));
    }

    @Test
    public void theFeatureIsInstalledAndEveryBundleIsActive() throws Exception {
        assertTrue(features.isInstalled(features.getFeature("geoserver-cluster")));
        assertTrue(features.isInstalled(features.getFeature("geoserver-cluster-activemq")));
        Wait.until("every bundle to be active", Duration.ofSeconds(60), () -> notActive().isEmpty(), this::notActive);
        assertTrue(Arrays.stream(context.getBundles())
                .anyMatch(b -> b.getSymbolicName().equals("org.geoserver.cluster.geoserver-cluster-broker") && b.getState() == Bundle.ACTIVE));
    }

    @Test
    public void aDurableSubscriberReceivesWhatWasPublishedWhileItWasAway() throws Exception {
        Wait.until("the embedded broker to run", Duration.ofSeconds(30), broker::isRunning, () -> broker.lastError().orElse(""));
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.connectorUris().get(0).toString());
        try (Connection subscriber = factory.createConnection()) {
            subscriber.setClientID("itest-node");
            Session session = subscriber.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createDurableSubscriber(session.createTopic("VirtualTopic.itest"), "itest-node").close();
        }
        try (Connection publisher = factory.createConnection()) {
            Session session = publisher.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic("VirtualTopic.itest"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage("catalog change"));
        }
        try (Connection subscriber = factory.createConnection()) {
            subscriber.setClientID("itest-node");
            subscriber.start();
            Session session = subscriber.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic("VirtualTopic.itest");
            TextMessage message = (TextMessage) session.createDurableSubscriber(topic, "itest-node").receive(10_000);
            assertNotNull("message kept for the durable subscriber", message);
            assertEquals("catalog change", message.getText());
        }
    }

    @Test
    public void changingThePortThroughConfigurationAdminMovesTheBroker() throws Exception {
        Wait.until("the embedded broker to run", Duration.ofSeconds(30), broker::isRunning, () -> broker.lastError().orElse(""));
        int oldPort = broker.connectorUris().get(0).getPort();
        int newPort = Ports.free();

        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(BROKER_PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>() : configuration.getProperties();
        properties.put("transportConnectorURIs", "tcp://127.0.0.1:" + newPort);
        configuration.update(properties);

        Wait.until("the broker to listen on " + newPort, Duration.ofSeconds(30),
                () -> broker.isRunning() && broker.connectorUris().equals(java.util.List.of(URI.create("tcp://127.0.0.1:" + newPort))),
                () -> "connectors " + broker.connectorUris() + ", error " + broker.lastError().orElse("none"));
        assertTrue(Ports.listening(newPort));
        assertFalse("the old port " + oldPort + " is closed", Ports.listening(oldPort));
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + newPort).createConnection()) {
            connection.start();
        }
    }

    @Test
    public void theCatalogServiceAcceptsChangesAndReadsGeoServerXml() {
        WorkspaceInfo added = catalog.add(WorkspaceInfo.named("paxexam"));
        assertEquals("paxexam", catalog.getNamespaceByPrefix("paxexam").getPrefix());
        WorkspaceInfo read = new InfoXml().read(new InfoXml().toXml(added), WorkspaceInfo.class);
        assertEquals(added, read);
    }

    @Test
    public void theBrokerKeysAreDescribedForConfigTooling() {
        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.geoserver.cluster.geoserver-cluster-broker"))
                .findFirst()
                .orElseThrow();
        ObjectClassDefinition ocd = metaType.getMetaTypeInformation(bundle).getObjectClassDefinition(BROKER_PID, null);
        assertEquals(
                java.util.Set.of("enabled", "brokerName", "transportConnectorURIs", "persistent", "networkConnectorURIs", "user", "password", "dataDirectory"),
                Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)).map(AttributeDefinition::getID).collect(Collectors.toSet()));
    }

    private String notActive() {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getHeaders().get("Fragment-Host") == null && b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " (state " + b.getState() + ")")
                .collect(Collectors.joining(", "));
    }
}
