package org.geoserver.cluster.applier.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.core.internal.JournaledReplicationLedger;
import org.geoserver.cluster.core.internal.NodeClock;
import org.geoserver.cluster.api.testing.TestClusterConfiguration;
import org.geoserver.cluster.capture.internal.CatalogEventCapture;
import org.geoserver.cluster.outbox.internal.FileOutbox;
import org.geoserver.cluster.catalog.api.CatalogPersistence;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.StyleFiles;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.resource.catalog.internal.CatalogResource;

/**
 * A node without transport: catalog, capture into an outbox, ledger and applier, on its own folder;
 * style files are kept in memory, written by the catalog's persistence as the data directory would.
 */
final class TestNode {

    final String name;
    final CatalogImpl catalog = new CatalogImpl();
    final FileOutbox outbox;
    final JournaledReplicationLedger ledger;
    final EventApplier applier;
    final Map<String, byte[]> styleFiles = new ConcurrentHashMap<>();

    TestNode(String name, Path folder) throws IOException {
        this(name, folder, false);
    }

    /** @param joins whether the node joins its cluster when it holds no configuration, as a node of the distribution does */
    TestNode(String name, Path folder, boolean joins) throws IOException {
        this.name = name;
        NodeClock clock = new NodeClock();
        this.outbox = new FileOutbox(() -> folder);
        this.ledger = new JournaledReplicationLedger(() -> folder);
        TestClusterConfiguration configuration = new TestClusterConfiguration(TestClusterConfiguration.settings(name, "g", ""));
        catalog.addListener(new CatalogEventCapture(configuration, clock, outbox, ledger));
        CatalogPersistence persistence = (changes, view) -> {
            for (ChangeEvent change : changes) {
                if (change.styleBody() != null) {
                    styleFiles.put(change.info().getId(), change.styleBody());
                } else if (change.purge()) {
                    styleFiles.remove(change.info().getId());
                }
            }
        };
        catalog.setPersistence(persistence);
        StyleFiles files = (style, view) -> Optional.ofNullable(styleFiles.get(style.getId()));
        this.applier = new EventApplier(clock, ledger, configuration, folder, Map.of(ClusterEvent.CATALOG, new CatalogResource(catalog, files, persistence)),
                joins);
    }

    /** Takes every event out of the outbox, as the transport would. */
    List<ClusterEvent> sent() throws IOException {
        List<ClusterEvent> events = new ArrayList<>();
        for (Optional<ClusterEvent> next = outbox.peek(); next.isPresent(); next = outbox.peek()) {
            events.add(next.get());
            outbox.remove(next.get());
        }
        return events;
    }

    /** Hands the events over as one batch, as the transport does: each handled, then flushed before the broker is acknowledged. */
    void receive(List<ClusterEvent> events) throws Exception {
        for (ClusterEvent event : events) {
            applier.handle(event);
        }
        applier.flush();
    }

    /** The whole content, comparable between nodes. */
    List<String> content() {
        return catalog.list(Info.class).stream().sorted(Comparator.comparing(Info::getId)).map(i -> i.getId() + " " + i.xml()).toList();
    }
}
