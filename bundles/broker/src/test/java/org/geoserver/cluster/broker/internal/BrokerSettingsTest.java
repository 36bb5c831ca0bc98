package org.geoserver.cluster.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    private static final File ROOT = new File("/data/activemq");

    private static BrokerSettings settings(Map<String, Object> values) throws ConfigurationException {
        return BrokerSettings.from(TestConfigs.of(BrokerConfig.class, values), ROOT);
    }

    @Test
    void defaultsListenOnLoopbackWithKahaDbUnderTheDataRoot() throws Exception {
        BrokerSettings s = settings(Map.of());
        assertTrue(s.enabled());
        assertTrue(s.persistent());
        assertEquals("geoserver-cluster", s.brokerName());
        assertEquals(List.of(URI.create("tcp://127.0.0.1:61616")), s.transportConnectors());
        assertEquals(List.of(), s.networkConnectors());
        assertEquals(new File(ROOT, "geoserver-cluster"), s.dataDirectory());
        assertFalse(s.authenticated());
    }

    @Test
    void withoutADataRootAnEmptyDataDirectoryIsRefusedNamingTheKey() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> BrokerSettings.from(TestConfigs.of(BrokerConfig.class, Map.of()), null));
        assertEquals("dataDirectory", e.key());
        File chosen = new File(ROOT, "chosen");
        assertEquals(new File(chosen, "geoserver-cluster"),
                BrokerSettings.from(TestConfigs.of(BrokerConfig.class, Map.of("dataDirectory", chosen.getPath())), null).dataDirectory());
    }

    @Test
    void commaSeparatedValuesKeepCompositeUrisWhole() throws Exception {
        BrokerSettings s = settings(Map.of(
                "transportConnectorURIs", new String[] {"tcp://127.0.0.1:61617, nio://0.0.0.0:61618"},
                "networkConnectorURIs", new String[] {"static:(tcp://h1:61616,tcp://h2:61616)?maxReconnectDelay=5000,static:(tcp://h3:1)"}));
        assertEquals(List.of(URI.create("tcp://127.0.0.1:61617"), URI.create("nio://0.0.0.0:61618")), s.transportConnectors());
        assertEquals(List.of(URI.create("static:(tcp://h1:61616,tcp://h2:61616)?maxReconnectDelay=5000"), URI.create("static:(tcp://h3:1)")),
                s.networkConnectors());
    }

    @Test
    void anUnparseableUriNamesItsKeyAndValue() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> settings(Map.of("transportConnectorURIs", new String[] {"tcp://127.0.0.1:notaport"})));
        assertEquals("transportConnectorURIs", e.key());
        assertEquals("tcp://127.0.0.1:notaport", e.value());

        e = assertThrows(ConfigurationException.class, () -> settings(Map.of("networkConnectorURIs", new String[] {"static:(tcp://a b)"})));
        assertEquals("networkConnectorURIs", e.key());

        e = assertThrows(ConfigurationException.class, () -> settings(Map.of("transportConnectorURIs", new String[] {"127.0.0.1:61616"})));
        assertEquals("transportConnectorURIs", e.key());
    }

    @Test
    void aBrokerNameMustBeUsableAsAFolderName() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings(Map.of("brokerName", "../etc")));
        assertEquals("brokerName", e.key());
    }

    @Test
    void anEnabledBrokerNeedsAnAddress() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings(Map.of("transportConnectorURIs", new String[] {" "})));
        assertEquals("transportConnectorURIs", e.key());
    }

    @Test
    void thePasswordNeverShowsInLogLines() throws Exception {
        BrokerSettings s = settings(Map.of("user", "system", "password", "s3cret"));
        assertTrue(s.authenticated());
        assertFalse(s.toString().contains("s3cret"));
    }
}
