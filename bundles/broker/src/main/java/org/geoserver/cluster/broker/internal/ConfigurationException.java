package org.geoserver.cluster.broker.internal;

/** A configuration value that cannot be used; names the key and the value. */
final class ConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    ConfigurationException(String key, String value, String reason) {
        super(key + "=" + value + ": " + reason);
        this.key = key;
        this.value = value;
    }

    String key() {
        return key;
    }

    String value() {
        return value;
    }
}
