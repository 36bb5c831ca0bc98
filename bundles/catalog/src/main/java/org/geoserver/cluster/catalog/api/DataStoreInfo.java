package org.geoserver.cluster.catalog.api;

/** A vector data store ({@code datastore.xml}). */
public final class DataStoreInfo extends StoreInfo {

    public DataStoreInfo() {
        this(XmlElement.of("dataStore"));
    }

    public DataStoreInfo(XmlElement xml) {
        super(xml);
    }
}
