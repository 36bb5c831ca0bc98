package org.geoserver.cluster.management.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.geoserver.cluster.api.ClusterEvent;
import org.geoserver.cluster.api.KeptEvents;
import org.geoserver.cluster.api.KeptEvents.KeptEvent;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.rest.api.RestAnswer;
import org.geoserver.cluster.rest.api.RestCall;
import org.geoserver.cluster.rest.api.RestExtension;
import org.geoserver.cluster.rest.api.RestRefusal;
import org.geoserver.cluster.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of other nodes kept aside here, over REST: {@code GET cluster/kept} lists them
 * (deferred and failed, with the reason), {@code GET cluster/kept/{id}} shows one with its payload,
 * {@code POST cluster/kept/{id}/retry} applies it again, {@code DELETE cluster/kept/{id}} discards it.
 */
@Component(service = RestResource.class)
@RestExtension(resource = "kept")
public class KeptEventsResource implements RestResource {

    private static final Logger LOG = LoggerFactory.getLogger(KeptEventsResource.class);

    private final KeptEvents kept;

    @Activate
    public KeptEventsResource(@Reference KeptEvents kept) {
        this.kept = kept;
    }

    @Override
    public RestAnswer get(RestCall call) {
        if (call.item() == null) {
            List<XmlElement> events = new ArrayList<>();
            for (KeptEvent event : kept.kept()) {
                events.add(element(event, false));
            }
            return new RestAnswer.Tree(XmlElement.of("keptEvents", events));
        }
        if (call.action() != null) {
            throw RestRefusal.notFound("No such resource: cluster/kept/" + call.item() + "/" + call.action());
        }
        return new RestAnswer.Tree(element(find(call.item()), true));
    }

    @Override
    public RestAnswer post(RestCall call) {
        if (call.item() == null || !"retry".equals(call.action())) {
            throw new RestRefusal(405, "POST cluster/kept/{id}/retry applies a kept event again; nothing else is posted here");
        }
        find(call.item());
        try {
            KeptEvents.RetryOutcome outcome = kept.retry(call.item());
            LOG.info("{} retried kept event {}: {}", call.user(), call.item(), outcome);
            return new RestAnswer.Done(call.item() + ": " + outcome);
        } catch (IllegalArgumentException e) {
            throw RestRefusal.notFound(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("the retry of kept event " + call.item() + " could not be put on disk", e);
        }
    }

    @Override
    public RestAnswer delete(RestCall call) {
        if (call.item() == null || call.action() != null) {
            throw new RestRefusal(405, "DELETE cluster/kept/{id} discards one kept event");
        }
        try {
            if (!kept.discard(call.item())) {
                throw noSuch(call.item());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the discarding of kept event " + call.item() + " could not be put on disk", e);
        }
        LOG.warn("{} discarded kept event {}", call.user(), call.item());
        return new RestAnswer.Done(call.item() + ": discarded");
    }

    private KeptEvent find(String id) {
        return kept.kept(id).orElseThrow(() -> noSuch(id));
    }

    private static RestRefusal noSuch(String id) {
        return RestRefusal.notFound("No deferred or failed event '" + id + "' on this node");
    }

    /** Repeated {@code keptEvent} elements, so that JSON has {@code "keptEvent":[...]}. */
    static XmlElement element(KeptEvent kept, boolean withContent) {
        ClusterEvent event = kept.event();
        List<XmlElement> children = new ArrayList<>(List.of(
                XmlElement.text("id", kept.id()),
                XmlElement.text("kind", kept.kind().name()),
                XmlElement.text("keptAt", Instant.ofEpochMilli(kept.keptAt()).toString()),
                XmlElement.text("reason", kept.reason()),
                XmlElement.text("origin", event.origin()),
                XmlElement.text("sequence", Long.toString(event.sequence())),
                XmlElement.text("operation", event.operation().name()),
                XmlElement.text("objectType", event.objectType()),
                XmlElement.text("objectId", event.objectId())));
        if (withContent) {
            children.add(XmlElement.text("changedProperties", String.join(",", event.changedProperties())));
            children.add(XmlElement.text("payload", event.payload()));
            if (event.styleBody() != null) {
                children.add(XmlElement.text("styleFileBytes", Integer.toString(event.styleBody().length)));
            }
        }
        return XmlElement.of("keptEvent", children);
    }
}
