package org.geoserver.cluster.catalog.api;

/** A workspace ({@code workspace.xml}); always paired with the namespace of the same prefix. */
public final class WorkspaceInfo extends CatalogInfo {

    public WorkspaceInfo() {
        this(XmlElement.of("workspace"));
    }

    public WorkspaceInfo(XmlElement xml) {
        super(xml);
    }

    public static WorkspaceInfo named(String name) {
        WorkspaceInfo workspace = new WorkspaceInfo();
        workspace.setName(name);
        return workspace;
    }

    public boolean isIsolated() {
        return getBoolean("isolated", false);
    }

    public void setIsolated(boolean isolated) {
        setBoolean("isolated", isolated);
    }
}
