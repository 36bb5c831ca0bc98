package org.geoserver.cluster.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.catalog.api.Catalog;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.StyleInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.datadir.api.DataDirectoryPersistence;
import org.junit.jupiter.api.Test;

class ClusterPersistencePolicyTest {

    private final List<ChangeEvent> written = new ArrayList<>();
    private final DataDirectoryPersistence dataDirectory = new DataDirectoryPersistence() {
        @Override
        public void persist(List<ChangeEvent> changes, Catalog catalog) {
            written.addAll(changes);
        }

        @Override
        public Optional<byte[]> read(StyleInfo style, Catalog catalog) {
            return Optional.empty();
        }
    };

    private static ClusterSettings readOnly(boolean readOnly) {
        ClusterSettings s = TestClusterConfiguration.settings("node-c", "g", "");
        return new ClusterSettings(s.instanceName(), s.group(), s.brokerURL(), s.topicName(), true, true, true, readOnly, true, "", "", "", true);
    }

    private static ChangeEvent change(String origin) {
        return new ChangeEvent(1, ChangeEvent.Kind.ADD, null, WorkspaceInfo.named("w"), List.of(), origin, null, false);
    }

    @Test
    void aPrivateDataDirectoryGetsEveryChange() throws Exception {
        ClusterPersistencePolicy policy = new ClusterPersistencePolicy(new TestClusterConfiguration(readOnly(false)), dataDirectory);
        policy.persist(List.of(change(null), change("node-a")), null);
        assertEquals(2, written.size());
        assertTrue(policy.writes("node-a"));
    }

    @Test
    void aSharedDataDirectoryGetsOnlyLocalChangesAndTheToggleAppliesAtOnce() throws Exception {
        TestClusterConfiguration configuration = new TestClusterConfiguration(readOnly(true));
        ClusterPersistencePolicy policy = new ClusterPersistencePolicy(configuration, dataDirectory);
        policy.persist(List.of(change(null), change("node-a")), null);
        assertEquals(1, written.size());
        assertTrue(written.get(0).isLocal());
        assertFalse(policy.writes("node-a"));
        assertTrue(policy.writes(null));

        configuration.set(readOnly(false));
        policy.persist(List.of(change("node-a")), null);
        assertEquals(2, written.size());
    }
}
