package org.geoserver.cluster.sync.internal;

import java.util.List;
import java.util.function.Supplier;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The applier's counters alone, served by the REST API at
 * {@code /geoserver/rest/cluster/applier.json} (or {@code .xml}). Cheap to poll while changes
 * arrive, unlike {@code cluster/status}, whose digest is recomputed after every change.
 */
@Component(service = Supplier.class, property = "org.geoserver.cluster.rest.resource=cluster/applier")
public class ApplierStatusResource implements Supplier<XmlElement> {

    private final ApplierStatus applier;

    @Activate
    public ApplierStatusResource(@Reference ApplierStatus applier) {
        this.applier = applier;
    }

    @Override
    public XmlElement get() {
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
