package org.geoserver.cluster.catalog.api;

/** The global configuration ({@code global.xml}): global settings, JAI, coverage access, update sequence. */
public final class GeoServerInfo extends ConfigInfo {

    /** Singleton id: global.xml has no id of its own (its settings do). */
    public static final String ID = "global";

    public GeoServerInfo() {
        this(XmlElement.of("global"));
    }

    public GeoServerInfo(XmlElement xml) {
        super(xml);
    }

    @Override
    protected String fixedId() {
        return ID;
    }

    /** The {@code <settings>} element: contact, charset, proxy base URL, ... */
    public XmlElement getSettings() {
        return xml().child("settings");
    }

    public long getUpdateSequence() {
        String value = get("updateSequence");
        return value == null ? 0 : Long.parseLong(value.trim());
    }

    public void setUpdateSequence(long sequence) {
        set("updateSequence", Long.toString(sequence));
    }
}
