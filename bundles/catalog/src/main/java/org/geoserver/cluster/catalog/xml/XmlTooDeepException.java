package org.geoserver.cluster.catalog.xml;

/** A document whose elements nest deeper than the reader allows. */
public class XmlTooDeepException extends XmlFormatException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public XmlTooDeepException(int limit) {
        super("elements nest deeper than " + limit, null);
        this.limit = limit;
    }

    /** The depth that was exceeded. */
    public int limit() {
        return limit;
    }
}
