package org.geoserver.cluster.capture.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import org.geoserver.cluster.api.ClusterClock;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.ClusterSettings;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.ReplicationLedger;
import org.geoserver.cluster.catalog.api.CatalogListener;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every change made on this node, while it is a master, into a cluster event in the outbox.
 * The catalog tells it the changes once on disk, in commit order, one group at a time, and asks it
 * to flush before it answers them: the group's events go into the outbox together, so outbox order
 * is commit order. Changes applied from other nodes carry their origin and are not sent back. A
 * style's file travels with the change that wrote it (REST uploads write the file and the style in
 * one change).
 */
@Component(service = CatalogListener.class, immediate = true)
public class CatalogEventCapture implements CatalogListener {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogEventCapture.class);

    private final ClusterConfiguration configuration;
    private final ClusterClock clock;
    private final Outbox outbox;
    private final ReplicationLedger ledger;
    private final InfoXml xml = new InfoXml();
    /** The events of changes told and not flushed yet, their outbox sequence still to give. */
    private final List<LongFunction<ClusterEvent>> held = new ArrayList<>();

    @Activate
    public CatalogEventCapture(@Reference ClusterConfiguration configuration, @Reference ClusterClock clock, @Reference Outbox outbox,
            @Reference ReplicationLedger ledger) {
        this.configuration = configuration;
        this.clock = clock;
        this.outbox = outbox;
        this.ledger = ledger;
    }

    @Override
    public void changed(ChangeEvent change) {
        ClusterSettings settings = configuration.current();
        if (!change.isLocal() || !settings.toggleMaster()) {
            return;
        }
        synchronized (held) {
            held.add(sequence -> toEvent(change, settings, sequence));
        }
    }

    @Override
    public void flush() {
        List<LongFunction<ClusterEvent>> group;
        synchronized (held) {
            if (held.isEmpty()) {
                return;
            }
            group = new ArrayList<>(held);
            held.clear();
        }
        try {
            for (ClusterEvent event : outbox.appendAll(group)) {
                // Before the catalog takes a change from another node (it waits for this flush), so that change compares against this version.
                ledger.advance(event.objectId(), new ReplicationLedger.Version(event.timestamp(), event.origin()));
                LOG.debug("Captured {}", event);
            }
        } catch (IOException | RuntimeException e) {
            // The changes stand locally; the digest comparison between nodes finds and repairs the gap.
            LOG.error("Could not put {} changes into the outbox: {}", group.size(), e.getMessage(), e);
        }
    }

    private ClusterEvent toEvent(ChangeEvent change, ClusterSettings settings, long sequence) {
        return new ClusterEvent(
                UUID.randomUUID().toString(),
                settings.instanceName(),
                settings.group(),
                sequence,
                clock.now(),
                ClusterEvent.Operation.valueOf(change.kind().name()),
                change.info().xml().name(),
                change.info().getId(),
                xml.toXml(change.info()),
                change.propertyNames(),
                change.styleBody(),
                change.purge(),
                change.user());
    }
}
