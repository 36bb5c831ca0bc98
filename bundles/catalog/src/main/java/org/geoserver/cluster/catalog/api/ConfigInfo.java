package org.geoserver.cluster.catalog.api;

/** A configuration object: global settings, workspace settings, logging, services. */
public abstract class ConfigInfo extends Info {

    protected ConfigInfo(XmlElement xml) {
        super(xml);
    }

    /** The workspace this object belongs to, null when global. */
    public String getWorkspace() {
        return getRef("workspace");
    }
}
