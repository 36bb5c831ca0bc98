package org.geoserver.cluster.catalog.api;

/** Settings of one workspace ({@code workspaces/<ws>/settings.xml}). */
public final class SettingsInfo extends ConfigInfo {

    public SettingsInfo() {
        this(XmlElement.of("settings"));
    }

    public SettingsInfo(XmlElement xml) {
        super(xml);
    }

    /** Points the settings at a workspace, embedding its identity as GeoServer writes it. */
    public void setWorkspace(WorkspaceInfo workspace) {
        setXml(xml().withChild("workspace", workspace.xml()));
    }

    public String getTitle() {
        return get("title");
    }

    public void setTitle(String title) {
        set("title", title);
    }
}
