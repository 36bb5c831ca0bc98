package org.geoserver.cluster.catalog.api;

/** Logging configuration ({@code logging.xml}). */
public final class LoggingInfo extends ConfigInfo {

    /** Singleton id: logging.xml has no id. */
    public static final String ID = "logging";

    public LoggingInfo() {
        this(XmlElement.of("logging"));
    }

    public LoggingInfo(XmlElement xml) {
        super(xml);
    }

    @Override
    protected String fixedId() {
        return ID;
    }

    public String getLevel() {
        return get("level");
    }

    public void setLevel(String level) {
        set("level", level);
    }

    public String getLocation() {
        return get("location");
    }

    public boolean isStdOutLogging() {
        return getBoolean("stdOutLogging", false);
    }
}
