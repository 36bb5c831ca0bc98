package org.geoserver.cluster.catalog.xml;

/** A document that is not well-formed, or not a catalog or configuration object we may read. */
public class XmlFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public XmlFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
