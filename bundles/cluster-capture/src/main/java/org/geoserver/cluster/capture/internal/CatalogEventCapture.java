package org.geoserver.cluster.capture.internal;

import java.io.IOException;
import java.util.UUID;
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
 * The catalog calls it in commit order while later changes wait, so outbox order is commit order.
 * Changes applied from other nodes carry their origin and are not sent back. A style's file travels
 * with the change that wrote it (REST uploads write the file and the style in one change).
 */
@Component(service = CatalogListener.class, immediate = true)
public class CatalogEventCapture implements CatalogListener {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogEventCapture.class);

    private final ClusterConfiguration configuration;
    private final ClusterClock clock;
    private final Outbox outbox;
    private final ReplicationLedger ledger;
    private final InfoXml xml = new InfoXml();

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
        try {
            ClusterEvent event = outbox.append(sequence -> toEvent(change, settings, sequence));
            // Under the catalog's lock, so a remote change of the same object compares against this version.
            ledger.advance(event.objectId(), new ReplicationLedger.Version(event.timestamp(), event.origin()));
            LOG.debug("Captured {}", event);
        } catch (IOException | RuntimeException e) {
            // The change stands locally; the digest comparison between nodes finds and repairs the gap.
            LOG.error("Could not put change {} into the outbox: {}", change, e.getMessage(), e);
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
