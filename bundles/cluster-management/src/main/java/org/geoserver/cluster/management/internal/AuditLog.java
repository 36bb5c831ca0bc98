package org.geoserver.cluster.management.internal;

import org.geoserver.cluster.api.ClusterConfiguration;
import org.geoserver.cluster.catalog.api.CatalogListener;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.Info;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per configuration change, made here or applied from another node, on the logger
 * {@value #LOGGER} (the distribution writes it to {@code ${karaf.data}/log/audit.log}): the node
 * where the change was made, who made it, the operation, and the object's type, id and name. The
 * log's own timestamp says when it happened here.
 */
@Component(service = CatalogListener.class)
public class AuditLog implements CatalogListener {

    static final String LOGGER = "org.geoserver.cluster.audit";

    private final Logger audit;
    private final ClusterConfiguration configuration;

    @Activate
    public AuditLog(@Reference ClusterConfiguration configuration) {
        this(configuration, LoggerFactory.getLogger(LOGGER));
    }

    AuditLog(ClusterConfiguration configuration, Logger audit) {
        this.configuration = configuration;
        this.audit = audit;
    }

    @Override
    public void changed(ChangeEvent event) {
        if (audit.isInfoEnabled()) {
            audit.info(line(event, configuration.current().instanceName()));
        }
    }

    @Override
    public void reloaded() {
        audit.info("node={} operation=RELOAD (the whole configuration was read again, from the data directory or a peer's snapshot)",
                value(configuration.current().instanceName()));
    }

    /** {@code node=a user=admin operation=ADD type=workspace id=... name=...}, plus {@code appliedOn=b} for a change from another node. */
    static String line(ChangeEvent event, String thisNode) {
        Info info = event.info();
        String name = info.xml().childText("name");
        StringBuilder line = new StringBuilder()
                .append("node=").append(value(event.isLocal() ? thisNode : event.origin()))
                .append(" user=").append(value(event.user() == null ? "-" : event.user()))
                .append(" operation=").append(event.kind())
                .append(" type=").append(info.xml().name())
                .append(" id=").append(value(info.getId()))
                .append(" name=").append(value(name == null ? "-" : name));
        if (!event.isLocal()) {
            line.append(" appliedOn=").append(value(thisNode));
        }
        return line.toString();
    }

    /** A value as it is, or quoted when it holds spaces, quotes or line breaks (a name may), so that each change stays one line. */
    private static String value(String text) {
        if (text != null && !text.isEmpty() && text.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\\' || c == '=')) {
            return text;
        }
        return "\"" + String.valueOf(text).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
