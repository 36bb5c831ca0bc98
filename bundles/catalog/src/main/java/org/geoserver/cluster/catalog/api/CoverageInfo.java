package org.geoserver.cluster.catalog.api;

/** A raster resource ({@code coverage.xml}): dimensions, grid, parameters. */
public final class CoverageInfo extends ResourceInfo {

    public CoverageInfo() {
        this(XmlElement.of("coverage"));
    }

    public CoverageInfo(XmlElement xml) {
        super(xml);
    }

    @Override
    public String layerType() {
        return "RASTER";
    }

    public String getNativeCoverageName() {
        return get("nativeCoverageName");
    }

    public void setNativeCoverageName(String name) {
        set("nativeCoverageName", name);
    }
}
