package org.geoserver.cluster.catalog.api;

import java.util.List;

/** A style ({@code styles/<name>.xml} next to the style file it names), global or in a workspace. */
public final class StyleInfo extends CatalogInfo {

    public StyleInfo() {
        this(XmlElement.of("style"));
    }

    public StyleInfo(XmlElement xml) {
        super(xml);
    }

    public String getWorkspace() {
        return getRef("workspace");
    }

    public void setWorkspace(String workspaceId) {
        setRef("workspace", workspaceId);
    }

    /** sld (the default when absent), css, ysld, mbstyle, zip... */
    public String getFormat() {
        String format = get("format");
        return format == null ? "sld" : format;
    }

    public void setFormat(String format) {
        set("format", format);
    }

    /** Version of the style language, 1.0.0 when absent. */
    public String getFormatVersion() {
        XmlElement version = xml().path("languageVersion", "version");
        return version == null || version.text() == null ? "1.0.0" : version.text();
    }

    public void setFormatVersion(String version) {
        setXml(xml().withChild("languageVersion", XmlElement.of("languageVersion", List.of(XmlElement.text("version", version)))));
    }

    /** The style file, relative to the styles folder holding this style. */
    public String getFilename() {
        return get("filename");
    }

    public void setFilename(String filename) {
        set("filename", filename);
    }

    public XmlElement getLegend() {
        return xml().child("legend");
    }
}
