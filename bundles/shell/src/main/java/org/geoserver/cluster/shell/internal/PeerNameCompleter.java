package org.geoserver.cluster.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.geoserver.cluster.api.PeerDirectory;

/** Completes the instance names of the peers heard of. */
@Service
public class PeerNameCompleter implements Completer {

    @Reference
    PeerDirectory peers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(peers.peers().stream().map(p -> p.status().instanceName()).toList()).complete(session, commandLine, candidates);
    }
}
