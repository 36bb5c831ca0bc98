package org.geoserver.cluster.api.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterSettings;

/** A cluster configuration for tests of other bundles: settings given in code, changed as Config Admin would. */
public final class TestClusterConfiguration implements ClusterConfiguration {

    private final List<Consumer<ClusterSettings>> listeners = new CopyOnWriteArrayList<>();
    private volatile ClusterSettings current;

    public TestClusterConfiguration(ClusterSettings settings) {
        this.current = settings;
    }

    /** GeoServer's defaults, with the given instance name, group and broker URL. */
    public static ClusterSettings settings(String instanceName, String group, String brokerUrl) {
        return new ClusterSettings(instanceName, group, brokerUrl, "VirtualTopic.geoserver", true, true, true, false, true, "", "", "", true);
    }

    @Override
    public ClusterSettings current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<ClusterSettings> listener) {
        listeners.add(listener);
        listener.accept(current);
        return () -> listeners.remove(listener);
    }

    @Override
    public void update(Map<String, String> changes) {
        throw new UnsupportedOperationException("tests change settings with set()");
    }

    public void set(ClusterSettings settings) {
        current = settings;
        listeners.forEach(listener -> listener.accept(settings));
    }
}
