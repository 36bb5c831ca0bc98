package org.geoserver.cluster.shell.internal;

import java.io.IOException;
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
        if (all) {
            kept.retryAll().forEach((each, outcome) -> System.out.println(each + ": " + outcome));
            return null;
        }
        try {
            System.out.println(id + ": " + kept.retry(id));
        } catch (IllegalArgumentException e) {
            System.out.println("Error: " + e.getMessage());
        }
        return null;
    }
}
