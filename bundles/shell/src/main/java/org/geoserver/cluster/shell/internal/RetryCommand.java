package org.geoserver.cluster.shell.internal;

import java.io.IOException;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.geoserver.cluster.api.KeptEvents;

@Service
@Command(scope = "cluster", name = "retry",
        description = "Applies a failed or deferred event again (e.g. once what made it fail is fixed); one that applies is no longer kept.")
public class RetryCommand implements Action {

    @Argument(index = 0, name = "id", required = false, description = "The kept event's id (see cluster:failed)")
    @Completion(KeptEventIdCompleter.class)
    String id;

    @Option(name = "--all", aliases = "-a", description = "Retry every failed and deferred event, oldest first")
    boolean all;

    @Reference
    KeptEvents kept;

    /** Prints rather than throws: a script over ssh reads one stream. */
    @Override
    public Object execute() throws IOException {
        if ((id == null) == !all) {
            System.out.println("Error: name one event's id, or --all");
            return null;
        }
        List<String> ids = all ? kept.kept().stream().map(KeptEvents.KeptEvent::id).toList() : List.of(id);
        for (String each : ids) {
            try {
                System.out.println(each + ": " + kept.retry(each));
            } catch (IllegalArgumentException e) {
                // --all: applying an earlier one may have applied this one too
                System.out.println(each + ": " + (all ? "APPLIED with an earlier one" : "Error: " + e.getMessage()));
            }
        }
        return null;
    }
}
