package org.geoserver.cluster.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterEventCodec;
import org.geoserver.cluster.api.EventTransport;
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

/**
 * One node in a stock Karaf with its embedded broker and a JMS client standing in for the rest of
 * the cluster: local changes go out on the topic; events coming in are applied and not sent back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ClusterNodeKarafTest {

    private static final String TOPIC = "VirtualTopic.geoserver";

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

    @Inject
    @Filter(timeout = 60_000)
    private EventTransport transport;

    @Inject
    @Filter(timeout = 60_000)
    private ApplierStatus applier;

    @Configuration
    public Option[] config() {
        return StockKaraf.withGeoServerCluster(editConfigurationFilePut("etc/org.geoserver.cluster.cfg", "instanceName", "paxexam-node"));
    }

    private ActiveMQConnectionFactory client() {
        // Consuming, not only connected: the virtual topic forwards only to queues that exist.
        Wait.until("the transport to consume", Duration.ofSeconds(60), () -> transport.isConnected() && transport.describe().contains(", consuming "),
                transport::describe);
        return new ActiveMQConnectionFactory(broker.connectorUris().get(0).toString());
    }

    private static List<ClusterEvent> drain(MessageConsumer consumer, long millis) throws Exception {
        List<ClusterEvent> events = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        for (Message m = consumer.receive(millis); m != null; m = consumer.receive(Math.max(1, deadline - System.currentTimeMillis()))) {
            BytesMessage bytes = (BytesMessage) m;
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            events.add(new ClusterEventCodec("").decode(body));
            if (System.currentTimeMillis() > deadline) {
                break;
            }
        }
        return events;
    }

    @Test
    public void aLocalChangeIsPublishedOnTheTopic() throws Exception {
        try (Connection connection = client().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic(TOPIC));
            WorkspaceInfo added = catalog.add(WorkspaceInfo.named("captured"));
            List<ClusterEvent> events = drain(consumer, 10_000);
            ClusterEvent event = events.stream().filter(e -> e.objectId().equals(added.getId())).findFirst().orElseThrow(
                    () -> new AssertionError("no event for the new workspace among " + events));
            assertEquals("paxexam-node", event.origin());
            assertEquals(ClusterEvent.Operation.ADD, event.operation());
            assertEquals("captured", new InfoXml().read(event.payload(), WorkspaceInfo.class).getName());
        }
    }

    @Test
    public void anEventFromAnotherNodeIsAppliedAndNotSentBack() throws Exception {
        WorkspaceInfo remote = WorkspaceInfo.named("from-elsewhere");
        remote.setId("WorkspaceInfoImpl-" + UUID.randomUUID());
        ClusterEvent event = new ClusterEvent(UUID.randomUUID().toString(), "other-node", "geoserver-cluster", 1, System.currentTimeMillis() << 16,
                ClusterEvent.Operation.ADD, "workspace", remote.getId(), new InfoXml().toXml(remote), List.of(), null, false);
        try (Connection connection = client().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer echoes = session.createConsumer(session.createTopic(TOPIC));
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(new ClusterEventCodec("").encode(event));
            session.createProducer(session.createTopic(TOPIC)).send(message);

            Wait.until("the remote workspace to be applied", Duration.ofSeconds(30), () -> catalog.getWorkspaceByName("from-elsewhere") != null,
                    () -> "applied " + applier.applied() + ", failed " + applier.failed() + ", " + transport.describe());
            assertEquals(remote.getId(), catalog.getWorkspaceByName("from-elsewhere").getId());
            List<ClusterEvent> seen = drain(echoes, 3_000);
            assertTrue("only the injected event is on the topic: " + seen, seen.stream().allMatch(e -> e.origin().equals("other-node")));
            assertNotNull(seen.isEmpty() ? null : seen.get(0));
        }
    }
}
