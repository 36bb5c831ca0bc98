package org.geoserver.cluster.transport.jms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import org.geoserver.cluster.api.ClusterSettings;
import org.junit.jupiter.api.Test;

class TransportSettingsTest {

    private static final ClusterSettings NODE = new ClusterSettings("node-a", "g", "tcp://old:61616", "VirtualTopic.old", true, true, true, false, true,
            "olduser", "oldpassword", "s", true);

    private static JmsTransportConfig own(String brokerURL, String topicName, String durable, String user, String password) {
        return new JmsTransportConfig() {
            public Class<? extends Annotation> annotationType() { return JmsTransportConfig.class; }
            public String brokerURL() { return brokerURL; }
            public String topicName() { return topicName; }
            public String durable() { return durable; }
            public String user() { return user; }
            public String password() { return password; }
        };
    }

    @Test
    void theTransportsOwnKeysWin() {
        ClusterSettings effective = TransportSettings.overlay(NODE, own(" tcp://new:61616 ", "VirtualTopic.new", "false", "newuser", " new password "));
        assertEquals("tcp://new:61616", effective.brokerURL());
        assertEquals("VirtualTopic.new", effective.topicName());
        assertFalse(effective.durable());
        assertEquals("newuser", effective.user());
        assertEquals(" new password ", effective.password(), "a password is taken as it is");
        assertEquals("node-a", effective.instanceName(), "the node's other keys stay");
        assertEquals("s", effective.secret());
    }

    @Test
    void theOldKeysOfOrgGeoserverClusterApplyWhereTheOwnAreEmpty() {
        ClusterSettings effective = TransportSettings.overlay(NODE, own("", " ", "", "", ""));
        assertEquals(NODE, effective);
        assertSame(NODE, TransportSettings.overlay(NODE, null));
        assertTrue(TransportSettings.overlay(NODE, own("", "", "enabled", "", "")).durable(), "GeoServer's flag words");
        assertTrue(TransportSettings.overlay(NODE, own("", "", "sometimes", "", "")).durable(), "a bad flag leaves the node's value");
    }
}
