package org.geoserver.cluster.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.geoserver.cluster.api.ConfigurationDigest;

@Service
@Command(scope = "cluster", name = "digest", description = "Prints the digest of this node's configuration, overall and per object type; equal digests mean equal configurations.")
public class DigestCommand implements Action {

    @Option(name = "--objects", description = "Also print the digest of every object")
    boolean objects;

    @Reference
    ConfigurationDigest digest;

    @Override
    public Object execute() {
        System.out.println("digest: " + digest.digest());
        digest.digestsByType().forEach((type, value) -> System.out.println("  " + type + ": " + value));
        if (objects) {
            digest.digestsById().forEach((id, value) -> System.out.println("  " + id + ": " + value));
        }
        return null;
    }
}
