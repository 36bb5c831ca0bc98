package org.geoserver.cluster.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.JoinStatus;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.EventTransport;
import org.geoserver.cluster.api.Outbox;
import org.geoserver.cluster.api.PeerDirectory;
import org.geoserver.cluster.api.ReplicationLedger;

@Service
@Command(scope = "cluster", name = "status", description = "Shows this node's cluster identity, roles, broker connection, outbox and applied events.")
public class StatusCommand implements Action {

    @Reference
    ClusterConfiguration configuration;

    @Reference
    ReplicationLedger ledger;

    @Reference(optional = true)
    EventTransport transport;

    @Reference(optional = true)
    Outbox outbox;

    @Reference(optional = true)
    ApplierStatus applier;

    @Reference(optional = true)
    PeerDirectory peers;

    @Reference(optional = true)
    JoinStatus join;

    @Override
    public Object execute() {
        System.out.print(ClusterStatus.render(configuration.current(), transport, outbox, ledger, applier, peers, join));
        return null;
    }
}
