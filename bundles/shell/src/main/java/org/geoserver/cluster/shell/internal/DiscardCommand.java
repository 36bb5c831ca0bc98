package org.geoserver.cluster.shell.internal;

import java.io.IOException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.geoserver.cluster.api.KeptEvents;

@Service
@Command(scope = "cluster", name = "discard", description = "Forgets a failed or deferred event for good, without applying it.")
public class DiscardCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The kept event's id (see cluster:failed)")
    @Completion(KeptEventIdCompleter.class)
    String id;

    @Reference
    KeptEvents kept;

    @Override
    public Object execute() throws IOException {
        System.out.println(kept.discard(id) ? id + ": discarded" : "Error: no deferred or failed event " + id);
        return null;
    }
}
