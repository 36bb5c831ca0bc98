package org.geoserver.cluster.shell.internal;

import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.api.ClusterSettings;

@Service
@Command(scope = "cluster", name = "toggle", description = "Turns this node's master (publish) or slave (apply) role on or off; the change is saved in etc/org.geoserver.cluster.cfg.")
public class ToggleCommand implements Action {

    @Argument(index = 0, name = "role", required = true, description = "master or slave")
    @Completion(value = StringsCompleter.class, values = {"master", "slave"})
    String role;

    @Argument(index = 1, name = "state", required = true, description = "on or off")
    @Completion(value = StringsCompleter.class, values = {"on", "off"})
    String state;

    @Reference
    ClusterConfiguration configuration;

    @Override
    public Object execute() throws Exception {
        String key = switch (role.toLowerCase(Locale.ROOT)) {
            case "master" -> "toggleMaster";
            case "slave" -> "toggleSlave";
            default -> throw new IllegalArgumentException("role must be master or slave, not '" + role + "'");
        };
        String value = switch (state.toLowerCase(Locale.ROOT)) {
            case "on", "true", "enabled" -> "true";
            case "off", "false", "disabled" -> "false";
            default -> throw new IllegalArgumentException("state must be on or off, not '" + state + "'");
        };
        configuration.update(Map.of(key, value));
        System.out.println(key + " = " + value + " (saved in " + ClusterSettings.PID + ")");
        return null;
    }
}
