package org.geoserver.cluster.management.internal;

import javax.management.NotCompliantMBeanException;
import javax.management.StandardMBean;
import org.geoserver.cluster.api.ApplierMetrics;
import org.geoserver.cluster.api.ApplierStatus;
import org.geoserver.cluster.api.KeptEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link ApplierMBean}, registered by Karaf's management as {@code org.geoserver.cluster:type=Applier}. */
@Component(service = ApplierMBean.class)
@Jmx(objectname = "org.geoserver.cluster:type=Applier")
public class ApplierManagement extends StandardMBean implements ApplierMBean {

    private final ApplierStatus status;
    private final ApplierMetrics metrics;
    private final KeptEvents kept;

    @Activate
    public ApplierManagement(@Reference ApplierStatus status, @Reference ApplierMetrics metrics, @Reference KeptEvents kept) throws NotCompliantMBeanException {
        super(ApplierMBean.class);
        this.status = status;
        this.metrics = metrics;
        this.kept = kept;
    }

    @Override
    public long getApplied() {
        return status.applied();
    }

    @Override
    public long getSkipped() {
        return status.skipped();
    }

    @Override
    public int getDeferred() {
        return status.deferred();
    }

    @Override
    public int getFailed() {
        return status.failed();
    }

    @Override
    public long getDeferredTotal() {
        return metrics.deferredTotal();
    }

    @Override
    public long getFailedTotal() {
        return metrics.failedTotal();
    }

    @Override
    public String[] getKeptEvents() {
        return kept.kept().stream().map(k -> k.id() + " " + k.kind() + " " + k.event() + ": " + k.reason()).toArray(String[]::new);
    }

    @Override
    public String retry(String id) throws Exception {
        return kept.retry(id).name();
    }

    @Override
    public String[] retryAll() throws Exception {
        return kept.retryAll().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toArray(String[]::new);
    }

    @Override
    public boolean discard(String id) throws Exception {
        return kept.discard(id);
    }
}
