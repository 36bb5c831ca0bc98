package org.geoserver.cluster.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.geoserver.cluster.api.KeptEvents;

@Service
@Command(scope = "cluster", name = "failed",
        description = "Lists the events of other nodes that could not be applied here, with the reason; with an id, shows that event in full.")
public class FailedCommand implements Action {

    @Argument(index = 0, name = "id", required = false, description = "A kept event's id: shows it in full, payload included")
    @Completion(KeptEventIdCompleter.class)
    String id;

    @Option(name = "--deferred", aliases = "-d", description = "Also list the deferred events (waiting for objects they reference)")
    boolean deferred;

    @Reference
    KeptEvents kept;

    @Override
    public Object execute() {
        if (id != null) {
            kept.kept(id).ifPresentOrElse(
                    event -> KeptEventsText.details(event).forEach(System.out::println),
                    () -> System.out.println("Error: no deferred or failed event " + id));
            return null;
        }
        KeptEventsText.lines(kept.kept().stream().filter(e -> deferred || e.kind() == KeptEvents.Kind.FAILED).toList()).forEach(System.out::println);
        return null;
    }
}
