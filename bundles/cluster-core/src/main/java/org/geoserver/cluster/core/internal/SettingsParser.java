package org.geoserver.cluster.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.geoserver.cluster.api.ClusterSettings;

/** Turns the text values of {@link ClusterConfig} into {@link ClusterSettings}, naming the first bad key. */
final class SettingsParser {

    /** A bad key and value. */
    static final class BadValueException extends Exception {
        private static final long serialVersionUID = 1L;

        BadValueException(String key, String value, String expected) {
            super(key + "=" + value + ": expected " + expected);
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private SettingsParser() {}

    static ClusterSettings parse(ClusterConfig config, String generatedInstanceName) throws BadValueException {
        String instanceName = trim(config.instanceName()).isEmpty() ? generatedInstanceName : trim(config.instanceName());
        return new ClusterSettings(
                name("instanceName", instanceName),
                name("group", trim(config.group())),
                brokerUrl(trim(config.brokerURL())),
                name("topicName", trim(config.topicName())),
                flag("connection", config.connection()),
                flag("toggleMaster", config.toggleMaster()),
                flag("toggleSlave", config.toggleSlave()),
                flag("readOnly", config.readOnly()),
                flag("durable", config.durable()),
                trim(config.user()),
                config.password() == null ? "" : config.password(),
                config.secret() == null ? "" : config.secret(),
                flag("autoResync", config.autoResync()));
    }

    /** GeoServer writes enabled/disabled for some keys and true/false for others; both are accepted everywhere. */
    static boolean flag(String key, String value) throws BadValueException {
        switch (trim(value).toLowerCase(Locale.ROOT)) {
            case "true", "enabled", "on", "yes" -> {
                return true;
            }
            case "false", "disabled", "off", "no" -> {
                return false;
            }
            default -> throw new BadValueException(key, value, "enabled/disabled or true/false");
        }
    }

    private static String name(String key, String value) throws BadValueException {
        if (!NAME.matcher(value).matches()) {
            throw new BadValueException(key, value, "letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static String brokerUrl(String value) throws BadValueException {
        if (!value.isEmpty()) {
            try {
                if (new URI(value).getScheme() == null || value.chars().filter(c -> c == '(').count() != value.chars().filter(c -> c == ')').count()) {
                    throw new BadValueException("brokerURL", value, "an ActiveMQ URL such as failover:(tcp://host:61616)");
                }
            } catch (URISyntaxException e) {
                throw new BadValueException("brokerURL", value, "an ActiveMQ URL such as failover:(tcp://host:61616)");
            }
        }
        return value;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
