package org.geoserver.cluster.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.geoserver.cluster.api.KeptEvents;

/** Completes the ids of the events kept now. */
@Service
public class KeptEventIdCompleter implements Completer {

    @Reference
    KeptEvents kept;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(kept.kept().stream().map(KeptEvents.KeptEvent::id).toList()).complete(session, commandLine, candidates);
    }
}
