package org.geoserver.cluster.catalog.api;

/** A vector layer's resource ({@code featuretype.xml}): attributes, bounds, SRS. */
public final class FeatureTypeInfo extends ResourceInfo {

    public FeatureTypeInfo() {
        this(XmlElement.of("featureType"));
    }

    public FeatureTypeInfo(XmlElement xml) {
        super(xml);
    }

    @Override
    public String layerType() {
        return "VECTOR";
    }

    /** Names of the declared attributes ({@code <attributes><attribute><name>}), empty when not declared. */
    public java.util.List<String> getAttributeNames() {
        XmlElement attributes = xml().child("attributes");
        java.util.List<String> names = new java.util.ArrayList<>();
        if (attributes != null) {
            for (XmlElement attribute : attributes.children("attribute")) {
                names.add(attribute.childText("name"));
            }
        }
        return names;
    }
}
