package org.geoserver.cluster.sync.internal;

import org.geoserver.cluster.api.ConfigurationSnapshot;
import org.geoserver.cluster.api.ConfigurationSnapshotCodec;
import org.geoserver.cluster.api.ConfigurationSnapshots;
import org.geoserver.cluster.api.RequestResponder;
import org.geoserver.cluster.api.RequestSubject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a peer's request for this node's configuration: a snapshot, as {@link SnapshotResync} installs it. */
@Component(service = RequestResponder.class)
@RequestSubject(SnapshotResync.SNAPSHOT)
public class SnapshotResponder implements RequestResponder {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotResponder.class);

    private final ConfigurationSnapshots snapshots;
    private final ConfigurationSnapshotCodec codec = new ConfigurationSnapshotCodec();

    @Activate
    public SnapshotResponder(@Reference ConfigurationSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public byte[] respond(String from, String subject, byte[] body) {
        long start = System.nanoTime();
        ConfigurationSnapshot snapshot = snapshots.take();
        byte[] bytes = codec.encode(snapshot);
        LOG.info("Sent node {} the {} ({} bytes, {} ms)", from, snapshot, bytes.length, (System.nanoTime() - start) / 1_000_000);
        return bytes;
    }
}
