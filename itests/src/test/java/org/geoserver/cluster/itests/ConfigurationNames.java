package org.geoserver.cluster.itests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of what a node's configuration holds, read through its REST lists (JSON), whatever
 * characters they contain: what generated requests aim at, and a listing to compare before and
 * after a restart.
 */
final class ConfigurationNames {

    /** Collections under /workspaces/{ws} that list objects by name. */
    static final List<String> WORKSPACE_COLLECTIONS = List.of(
            "datastores", "coveragestores", "wmsstores", "wmtsstores", "featuretypes", "coverages", "wmslayers", "styles", "layergroups", "layers");

    private static final Pattern NAME = Pattern.compile("\"name\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    final List<String> workspaces;
    /** Workspace, then collection (one of {@link #WORKSPACE_COLLECTIONS}), then names. */
    final Map<String, Map<String, List<String>>> inWorkspace;
    final List<String> globalStyles;
    final List<String> globalLayerGroups;

    private ConfigurationNames(List<String> workspaces, Map<String, Map<String, List<String>>> inWorkspace, List<String> globalStyles,
            List<String> globalLayerGroups) {
        this.workspaces = workspaces;
        this.inWorkspace = inWorkspace;
        this.globalStyles = globalStyles;
        this.globalLayerGroups = globalLayerGroups;
    }

    /**
     * Reads the lists of the node.
     *
     * @param maxWorkspaces how many workspaces to read the contents of (each costs ten requests)
     */
    static ConfigurationNames read(GeoServerRest rest, int maxWorkspaces) {
        List<String> workspaces = names(rest, "/workspaces.json");
        Map<String, Map<String, List<String>>> inWorkspace = new LinkedHashMap<>();
        for (String ws : workspaces.subList(0, Math.min(maxWorkspaces, workspaces.size()))) {
            Map<String, List<String>> collections = new LinkedHashMap<>();
            for (String collection : WORKSPACE_COLLECTIONS) {
                collections.put(collection, names(rest, "/workspaces/" + segment(ws) + "/" + collection + ".json"));
            }
            inWorkspace.put(ws, collections);
        }
        return new ConfigurationNames(workspaces, inWorkspace, names(rest, "/styles.json"), names(rest, "/layergroups.json"));
    }

    /** The names in a workspace's collection; empty when unknown. */
    List<String> in(String workspace, String collection) {
        Map<String, List<String>> collections = inWorkspace.get(workspace);
        return collections == null ? List.of() : collections.getOrDefault(collection, List.of());
    }

    /** A workspace whose contents were read, or null when there is none. */
    String anyWorkspace(Random random) {
        List<String> read = new ArrayList<>(inWorkspace.keySet());
        return read.isEmpty() ? null : read.get(random.nextInt(read.size()));
    }

    /** Every object as its API path, sorted: equal for two nodes with the same names. */
    TreeSet<String> paths() {
        TreeSet<String> paths = new TreeSet<>();
        workspaces.forEach(ws -> paths.add("/workspaces/" + ws));
        inWorkspace.forEach((ws, collections) -> collections.forEach((collection, names) -> names.forEach(n -> paths.add("/workspaces/" + ws + "/" + collection + "/" + n))));
        globalStyles.forEach(s -> paths.add("/styles/" + s));
        globalLayerGroups.forEach(g -> paths.add("/layergroups/" + g));
        return paths;
    }

    /** The API path of every style, percent-encoded, e.g. /workspaces/sf/styles/roads; add .sld for its file. */
    List<String> stylePaths() {
        List<String> paths = new ArrayList<>();
        globalStyles.forEach(s -> paths.add("/styles/" + segment(s)));
        inWorkspace.forEach((ws, collections) -> collections.get("styles").forEach(s -> paths.add("/workspaces/" + segment(ws) + "/styles/" + segment(s))));
        return paths;
    }

    /** One path segment, percent-encoded: a name may hold any character. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The "name" values of a JSON list; none when the list is empty or the node does not answer 200. */
    private static List<String> names(GeoServerRest rest, String path) {
        GeoServerRest.Answer answer = rest.get(path);
        List<String> names = new ArrayList<>();
        if (answer.status() != 200) {
            return names;
        }
        Matcher matcher = NAME.matcher(answer.body());
        while (matcher.find()) {
            names.add(unescape(matcher.group(1)));
        }
        return names;
    }

    private static String unescape(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != '\\' || i + 1 >= json.length()) {
                out.append(c);
                continue;
            }
            char escaped = json.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }
}
