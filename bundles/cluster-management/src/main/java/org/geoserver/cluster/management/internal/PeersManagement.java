package org.geoserver.cluster.management.internal;

import java.time.Instant;
import javax.management.NotCompliantMBeanException;
import javax.management.StandardMBean;
import org.geoserver.cluster.api.PeerDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link PeersMBean}, registered by Karaf's management as {@code org.geoserver.cluster:type=Peers}. */
@Component(service = PeersMBean.class)
@Jmx(objectname = "org.geoserver.cluster:type=Peers")
public class PeersManagement extends StandardMBean implements PeersMBean {

    private final PeerDirectory peers;

    @Activate
    public PeersManagement(@Reference PeerDirectory peers) throws NotCompliantMBeanException {
        super(PeersMBean.class);
        this.peers = peers;
    }

    @Override
    public int getCount() {
        return peers.peers().size();
    }

    @Override
    public String[] getPeers() {
        return peers.peers().stream().map(PeersManagement::line).toArray(String[]::new);
    }

    @Override
    public String[] getDiffering() {
        return peers.peers().stream().filter(p -> !p.sameDigest()).map(p -> p.status().instanceName()).toArray(String[]::new);
    }

    private static String line(PeerDirectory.Peer peer) {
        return peer.status().instanceName() + ": " + (peer.sameDigest() ? "same configuration" : "differs in " + String.join(", ", peer.differingTypes()))
                + ", outbox " + peer.status().outbox() + ", last heard " + Instant.ofEpochMilli(peer.lastSeen());
    }
}
