package org.geoserver.cluster.broker.internal;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The validated form of a {@link BrokerConfig}: building one checks every key. */
record BrokerSettings(
        boolean enabled,
        String brokerName,
        List<URI> transportConnectors,
        boolean persistent,
        List<URI> networkConnectors,
        String user,
        String password,
        File dataDirectory) {

    /** Schemes whose URIs must carry a host and a port. */
    private static final Set<String> SOCKET_SCHEMES = Set.of("tcp", "nio", "ssl", "nio+ssl", "auto", "auto+nio", "auto+ssl", "ws", "wss", "stomp", "amqp", "mqtt");

    static BrokerSettings from(BrokerConfig config, File defaultDataRoot) throws ConfigurationException {
        String name = config.brokerName() == null ? "" : config.brokerName().trim();
        if (name.isEmpty() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigurationException("brokerName", config.brokerName(), "use letters, digits, '.', '_' or '-' only");
        }
        List<URI> transports = parseUris("transportConnectorURIs", config.transportConnectorURIs());
        if (config.enabled() && transports.isEmpty()) {
            throw new ConfigurationException("transportConnectorURIs", "", "an enabled broker needs at least one address");
        }
        for (URI uri : transports) {
            checkSocketAddress("transportConnectorURIs", uri);
        }
        List<URI> network = parseUris("networkConnectorURIs", config.networkConnectorURIs());
        String user = config.user() == null ? "" : config.user().trim();
        String dataDir = config.dataDirectory() == null ? "" : config.dataDirectory().trim();
        if (dataDir.isEmpty() && defaultDataRoot == null) {
            throw new ConfigurationException("dataDirectory", "", "empty, and outside Karaf there is no ${karaf.data}/activemq to default to");
        }
        File root = dataDir.isEmpty() ? defaultDataRoot : new File(dataDir);
        return new BrokerSettings(
                config.enabled(),
                name,
                transports,
                config.persistent(),
                network,
                user,
                config.password() == null ? "" : config.password(),
                new File(root, name));
    }

    boolean authenticated() {
        return !user.isEmpty();
    }

    /** Each element may itself hold several URIs separated by commas outside parentheses. */
    static List<URI> parseUris(String key, String[] values) throws ConfigurationException {
        List<URI> uris = new ArrayList<>();
        if (values == null) {
            return uris;
        }
        for (String value : values) {
            for (String part : splitTopLevel(value)) {
                try {
                    URI uri = new URI(part);
                    if (uri.getScheme() == null) {
                        throw new ConfigurationException(key, part, "not a URI with a scheme such as tcp://host:port");
                    }
                    uris.add(uri);
                } catch (URISyntaxException e) {
                    throw new ConfigurationException(key, part, "not a valid URI (" + e.getMessage() + ")");
                }
            }
        }
        return uris;
    }

    private static void checkSocketAddress(String key, URI uri) throws ConfigurationException {
        if (!SOCKET_SCHEMES.contains(uri.getScheme())) {
            return;
        }
        if (uri.getHost() == null || uri.getPort() < 0 || uri.getPort() > 65535) {
            throw new ConfigurationException(key, uri.toString(), "expected " + uri.getScheme() + "://<host>:<port>");
        }
    }

    /** Splits on commas that are not inside parentheses, so static:(a,b) stays one URI. */
    static List<String> splitTopLevel(String value) {
        List<String> parts = new ArrayList<>();
        if (value == null) {
            return parts;
        }
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (c == ',' && depth == 0) {
                addTrimmed(parts, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addTrimmed(parts, current);
        return parts;
    }

    private static void addTrimmed(List<String> parts, CharSequence part) {
        String trimmed = part.toString().trim();
        if (!trimmed.isEmpty()) {
            parts.add(trimmed);
        }
    }

    /** For log lines: every key but the password. */
    @Override
    public String toString() {
        return "enabled=" + enabled + ", brokerName=" + brokerName + ", transportConnectorURIs=" + transportConnectors
                + ", persistent=" + persistent + ", networkConnectorURIs=" + networkConnectors
                + ", user=" + (authenticated() ? user : "(none)") + ", dataDirectory=" + dataDirectory;
    }
}
