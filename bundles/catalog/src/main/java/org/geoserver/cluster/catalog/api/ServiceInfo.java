package org.geoserver.cluster.catalog.api;

/**
 * An OGC service configuration ({@code wms.xml}, {@code wfs.xml}, ...), global or overriding it in
 * one workspace. The root element names the service.
 */
public final class ServiceInfo extends ConfigInfo {

    public ServiceInfo(XmlElement xml) {
        super(xml);
    }

    public static ServiceInfo of(String serviceType) {
        return new ServiceInfo(XmlElement.of(serviceType));
    }

    /** wms, wfs, wcs, wmts, wps, csw... */
    public String getServiceType() {
        return xml().name();
    }

    public String getName() {
        return get("name");
    }

    public void setName(String name) {
        set("name", name);
    }

    public String getTitle() {
        return get("title");
    }

    public void setTitle(String title) {
        set("title", title);
    }

    public boolean isEnabled() {
        return getBoolean("enabled", true);
    }

    public void setEnabled(boolean enabled) {
        setBoolean("enabled", enabled);
    }

    public void setWorkspace(String workspaceId) {
        setRef("workspace", workspaceId);
    }

    @Override
    public String toString() {
        return getServiceType() + " service " + getId() + (getWorkspace() == null ? " (global)" : " of workspace " + getWorkspace());
    }
}
