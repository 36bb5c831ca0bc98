package org.geoserver.cluster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.api.ClusterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigurationComponentTest {

    @TempDir
    Path state;

    static ClusterConfig config(Map<String, String> values) {
        return (ClusterConfig) Proxy.newProxyInstance(ClusterConfig.class.getClassLoader(), new Class<?>[] {ClusterConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    void defaultsAreGeoServersAndTheGeneratedInstanceNameIsKept() {
        ClusterSettings settings = new ClusterConfigurationComponent(config(Map.of()), null, state).current();
        assertEquals("geoserver-cluster", settings.group());
        assertEquals("VirtualTopic.geoserver", settings.topicName());
        assertTrue(settings.connection() && settings.toggleMaster() && settings.toggleSlave() && settings.durable());
        assertFalse(settings.readOnly());
        assertEquals(36, settings.instanceName().length(), "a UUID");
        assertEquals(settings.instanceName(), new ClusterConfigurationComponent(config(Map.of()), null, state).current().instanceName(),
                "the same name after a restart");
    }

    @Test
    void enabledDisabledAndTrueFalseAreBothAccepted() {
        ClusterSettings settings = new ClusterConfigurationComponent(
                config(Map.of("readOnly", "true", "connection", "disabled", "toggleMaster", "false", "instanceName", "node-a")), null, state).current();
        assertTrue(settings.readOnly());
        assertFalse(settings.connection());
        assertFalse(settings.toggleMaster());
        assertEquals("node-a", settings.instanceName());
    }

    @Test
    void aBadValueKeepsThePreviousSettingsAndSubscribersHearOnlyOfAcceptedOnes() throws Exception {
        ClusterConfigurationComponent component = new ClusterConfigurationComponent(config(Map.of("instanceName", "node-a")), null, state);
        List<ClusterSettings> heard = new ArrayList<>();
        AutoCloseable subscription = component.subscribe(heard::add);
        component.modified(config(Map.of("instanceName", "node-a", "toggleSlave", "maybe")));
        assertTrue(component.current().toggleSlave());
        component.modified(config(Map.of("instanceName", "node a")));
        assertEquals("node-a", component.current().instanceName());
        component.modified(config(Map.of("instanceName", "node-a", "brokerURL", "failover:(tcp://127.0.0.1:61616")));
        assertEquals("", component.current().brokerURL());
        component.modified(config(Map.of("instanceName", "node-a", "toggleSlave", "disabled")));
        assertFalse(component.current().toggleSlave());
        assertEquals(2, heard.size(), "the current settings, then the one accepted change");
        subscription.close();
        component.modified(config(Map.of("instanceName", "node-a")));
        assertEquals(2, heard.size());
    }
}
