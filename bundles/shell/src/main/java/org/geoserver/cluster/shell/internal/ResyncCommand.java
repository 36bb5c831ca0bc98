package org.geoserver.cluster.shell.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.geoserver.cluster.api.ClusterResync;

@Service
@Command(scope = "cluster", name = "resync",
        description = "Replaces this node's configuration with a peer's snapshot, keeping only changes made here later than the snapshot, and waits for it.")
public class ResyncCommand implements Action {

    @Argument(index = 0, name = "node", required = false,
            description = "Instance name of the node to take the snapshot from; default: a node whose configuration most peers share")
    @Completion(PeerNameCompleter.class)
    String node;

    @Reference
    ClusterResync resync;

    /** Prints rather than throws: a script over ssh reads one stream. */
    @Override
    public Object execute() throws InterruptedException {
        try {
            System.out.println(resync.resync(node, "cluster:resync").get(5, TimeUnit.MINUTES));
        } catch (ExecutionException e) {
            System.out.println("Error: resync failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            System.out.println("Error: the resync did not finish within 5 minutes; it goes on, see the log");
        }
        return null;
    }
}
