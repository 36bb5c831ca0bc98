package org.geoserver.cluster.catalog.api;

/** One top-level property (child element) that a modification changed; null values mean absent. */
public record PropertyChange(String name, XmlElement oldValue, XmlElement newValue) {}
