package org.geoserver.cluster.sync.internal;

import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.RequestResponder;
import org.geoserver.cluster.api.RequestSubject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Answers a peer's request for this node's per-object digests of some object types, to name the objects that differ. */
@Component(service = RequestResponder.class)
@RequestSubject(ObjectDigests.SUBJECT)
public class ObjectDigestsResponder implements RequestResponder {

    private final ConfigurationDigest digest;

    @Activate
    public ObjectDigestsResponder(@Reference ConfigurationDigest digest) {
        this.digest = digest;
    }

    @Override
    public byte[] respond(String from, String subject, byte[] body) {
        return ObjectDigests.answer(digest, body);
    }
}
