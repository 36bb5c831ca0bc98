package org.geoserver.cluster.sync.internal;

import java.util.List;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.rest.api.RestAnswer;
import org.geoserver.cluster.rest.api.RestCall;
import org.geoserver.cluster.rest.api.RestExtension;
import org.geoserver.cluster.rest.api.RestRefusal;
import org.geoserver.cluster.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The applier's counters alone, served by the REST API at
 * {@code /geoserver/rest/cluster/applier.json} (or {@code .xml}). Cheap to poll while changes
 * arrive, unlike {@code cluster/status}, whose digest is recomputed after every change.
 */
@Component(service = RestResource.class)
@RestExtension(resource = "applier")
public class ApplierStatusResource implements RestResource {

    private final ApplierStatus applier;

    @Activate
    public ApplierStatusResource(@Reference ApplierStatus applier) {
        this.applier = applier;
    }

    @Override
    public RestAnswer get(RestCall call) {
        if (call.item() != null) {
            throw RestRefusal.notFound("No such resource: cluster/applier/" + call.item());
        }
        return new RestAnswer.Tree(element());
    }

    XmlElement element() {
        return element(applier);
    }

    /** {@code <applier>} with the counters, here and in the node's status. */
    static XmlElement element(ApplierStatus applier) {
        return XmlElement.of("applier", List.of(
                XmlElement.text("applied", Long.toString(applier.applied())),
                XmlElement.text("skipped", Long.toString(applier.skipped())),
                XmlElement.text("deferred", Integer.toString(applier.deferred())),
                XmlElement.text("failed", Integer.toString(applier.failed()))));
    }
}
