package org.geoserver.cluster.itests;

import static org.geoserver.cluster.itests.GeoServerRest.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded random changes of every kind made through a node's REST API (workspaces, stores, feature
 * types with their layers, styles with their files, layer groups, service settings; additions,
 * modifications, removals, renames), and the model of the configuration they must produce. Only
 * valid changes are generated, so each must be accepted; the model records what was accepted.
 * {@link #verify} compares a node's configuration, read back through REST, with the model.
 */
final class RandomChanges {

    static final class FeatureType {
        String title;
        boolean enabled = true;
    }

    static final class Store {
        String description = "";
        final TreeMap<String, FeatureType> featureTypes = new TreeMap<>();
    }

    static final class Workspace {
        final TreeMap<String, Store> stores = new TreeMap<>();
        final TreeMap<String, String> styles = new TreeMap<>(); // name -> SLD body
        final TreeMap<String, String> groups = new TreeMap<>(); // name -> title
        final TreeMap<String, String> groupMembers = new TreeMap<>(); // group -> feature type name
    }

    private final Random random;
    final TreeMap<String, Workspace> workspaces = new TreeMap<>();
    String wmsTitle;
    private int counter;
    private volatile int changes;

    RandomChanges(long seed) {
        this.random = new Random(seed);
    }

    /** Changes accepted so far (REST calls that changed the configuration). */
    int changes() {
        return changes;
    }

    /** Makes at least {@code count} random changes through the node's REST API (a draw that does not fit the model is drawn again). */
    void make(GeoServerRest rest, int count) {
        int target = changes + count;
        while (changes < target) {
            makeOne(rest);
        }
    }

    private String name(String prefix) {
        return prefix + (++counter);
    }

    private <T> String pick(Map<String, T> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        return keys.get(random.nextInt(keys.size()));
    }

    private static String sld(String name) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
                + "<NamedLayer><Name>" + name + "</Name><UserStyle><FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle></UserStyle>"
                + "</NamedLayer></StyledLayerDescriptor>\n";
    }

    private void accepted(GeoServerRest.Answer answer) {
        expect(answer, 200, 201);
        changes++;
    }

    private void makeOne(GeoServerRest rest) {
        if (workspaces.size() < 2) {
            addWorkspace(rest);
            return;
        }
        String ws = pick(workspaces);
        Workspace w = workspaces.get(ws);
        int dice = random.nextInt(100);
        if (dice < 4 && workspaces.size() < 6) {
            addWorkspace(rest);
        } else if (dice < 6) {
            String renamed = name("w");
            accepted(rest.put("/workspaces/" + ws, "{\"workspace\":{\"name\":\"" + renamed + "\"}}"));
            workspaces.put(renamed, workspaces.remove(ws));
        } else if (dice < 8 && workspaces.size() > 3) {
            accepted(rest.delete("/workspaces/" + ws + "?recurse=true"));
            workspaces.remove(ws);
        } else if (dice < 14 && w.stores.size() < 3) {
            String store = name("s");
            accepted(rest.post("/workspaces/" + ws + "/datastores", "{\"dataStore\":{\"name\":\"" + store
                    + "\",\"type\":\"Shapefile\",\"connectionParameters\":{\"entry\":[{\"@key\":\"url\",\"$\":\"file:data/" + store + ".shp\"}]}}}"));
            w.stores.put(store, new Store());
        } else if (dice < 18 && !w.stores.isEmpty()) {
            String store = pick(w.stores);
            String description = "description " + name("d");
            accepted(rest.put("/workspaces/" + ws + "/datastores/" + store, "{\"dataStore\":{\"description\":\"" + description + "\"}}"));
            w.stores.get(store).description = description;
        } else if (dice < 20 && !w.stores.isEmpty()) {
            String store = pick(w.stores);
            String renamed = name("s");
            accepted(rest.put("/workspaces/" + ws + "/datastores/" + store, "{\"dataStore\":{\"name\":\"" + renamed + "\"}}"));
            w.stores.put(renamed, w.stores.remove(store));
        } else if (dice < 22 && !w.stores.isEmpty()) {
            String store = pick(w.stores);
            if (w.stores.get(store).featureTypes.keySet().stream().noneMatch(w.groupMembers::containsValue)) {
                accepted(rest.delete("/workspaces/" + ws + "/datastores/" + store + "?recurse=true"));
                w.stores.remove(store);
            }
        } else if (dice < 32 && !w.stores.isEmpty()) {
            String store = pick(w.stores);
            if (w.stores.get(store).featureTypes.size() < 4) {
                String type = name("f");
                FeatureType ft = new FeatureType();
                ft.title = "title " + name("t");
                accepted(rest.post("/workspaces/" + ws + "/datastores/" + store + "/featuretypes", "{\"featureType\":{\"name\":\"" + type
                        + "\",\"nativeName\":\"" + type + "\",\"title\":\"" + ft.title + "\",\"srs\":\"EPSG:4326\"}}"));
                w.stores.get(store).featureTypes.put(type, ft);
            }
        } else if (dice < 62) {
            modifyFeatureTypeOrLayer(rest, ws, w);
        } else if (dice < 65) {
            String store = w.stores.isEmpty() ? null : pick(w.stores);
            if (store != null && !w.stores.get(store).featureTypes.isEmpty()) {
                String type = pick(w.stores.get(store).featureTypes);
                if (!w.groupMembers.containsValue(type)) {
                    accepted(rest.delete("/workspaces/" + ws + "/datastores/" + store + "/featuretypes/" + type + "?recurse=true"));
                    w.stores.get(store).featureTypes.remove(type);
                }
            }
        } else if (dice < 70 && w.styles.size() < 3) {
            String style = name("st");
            accepted(rest.post("/workspaces/" + ws + "/styles", "{\"style\":{\"name\":\"" + style + "\",\"filename\":\"" + style + ".sld\"}}"));
            String body = sld(name("body"));
            accepted(rest.put("/workspaces/" + ws + "/styles/" + style, body, "application/vnd.ogc.sld+xml"));
            w.styles.put(style, body);
        } else if (dice < 78 && !w.styles.isEmpty()) {
            String style = pick(w.styles);
            String body = sld(name("body"));
            accepted(rest.put("/workspaces/" + ws + "/styles/" + style, body, "application/vnd.ogc.sld+xml"));
            w.styles.put(style, body);
        } else if (dice < 80 && !w.styles.isEmpty()) {
            String style = pick(w.styles);
            accepted(rest.delete("/workspaces/" + ws + "/styles/" + style + "?purge=true"));
            w.styles.remove(style);
        } else if (dice < 84 && w.groups.size() < 2) {
            String member = anyFeatureType(w);
            if (member != null) {
                String group = name("g");
                String title = "group " + name("t");
                accepted(rest.post("/workspaces/" + ws + "/layergroups", "{\"layerGroup\":{\"name\":\"" + group + "\",\"title\":\"" + title
                        + "\",\"publishables\":{\"published\":[{\"@type\":\"layer\",\"name\":\"" + ws + ":" + member + "\"}]}}}"));
                w.groups.put(group, title);
                w.groupMembers.put(group, member);
            }
        } else if (dice < 92 && !w.groups.isEmpty()) {
            String group = pick(w.groups);
            String title = "group " + name("t");
            accepted(rest.put("/workspaces/" + ws + "/layergroups/" + group, "{\"layerGroup\":{\"title\":\"" + title + "\"}}"));
            w.groups.put(group, title);
        } else if (dice < 94 && !w.groups.isEmpty()) {
            String group = pick(w.groups);
            accepted(rest.delete("/workspaces/" + ws + "/layergroups/" + group));
            w.groups.remove(group);
            w.groupMembers.remove(group);
        } else {
            wmsTitle = "wms " + name("t");
            accepted(rest.put("/services/wms/settings", "{\"wms\":{\"title\":\"" + wmsTitle + "\"}}"));
        }
    }

    private void addWorkspace(GeoServerRest rest) {
        String ws = name("w");
        accepted(rest.post("/workspaces", "{\"workspace\":{\"name\":\"" + ws + "\"}}"));
        workspaces.put(ws, new Workspace());
    }

    private String anyFeatureType(Workspace w) {
        List<String> types = new ArrayList<>();
        w.stores.values().forEach(s -> types.addAll(s.featureTypes.keySet()));
        return types.isEmpty() ? null : types.get(random.nextInt(types.size()));
    }

    private void modifyFeatureTypeOrLayer(GeoServerRest rest, String ws, Workspace w) {
        String store = w.stores.isEmpty() ? null : pick(w.stores);
        if (store == null || w.stores.get(store).featureTypes.isEmpty()) {
            return;
        }
        String type = pick(w.stores.get(store).featureTypes);
        FeatureType ft = w.stores.get(store).featureTypes.get(type);
        if (random.nextBoolean()) {
            ft.title = "title " + name("t");
            accepted(rest.put("/workspaces/" + ws + "/datastores/" + store + "/featuretypes/" + type, "{\"featureType\":{\"title\":\"" + ft.title + "\"}}"));
        } else {
            ft.enabled = !ft.enabled;
            accepted(rest.put("/layers/" + ws + ":" + type, "{\"layer\":{\"enabled\":" + ft.enabled + "}}"));
        }
    }

    // ---------------------------------------------------------------- verification

    private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]+)\"");

    private static TreeSet<String> names(GeoServerRest rest, String path) {
        String body = expect(rest.get(path), 200).body();
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(body);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static void check(List<String> differences, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            differences.add(what + ": expected " + expected + ", found " + actual);
        }
    }

    private static void contains(List<String> differences, String what, String body, String expected) {
        if (!body.contains(expected)) {
            differences.add(what + ": expected " + expected + " in " + body);
        }
    }

    /** Reads the node's configuration through REST; returns how it differs from the model (empty when equal). */
    List<String> verify(GeoServerRest rest) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> actualWorkspaces = names(rest, "/workspaces.json");
        actualWorkspaces.remove("demo"); // the sample data's workspace, which the changes never touch
        check(differences, "workspaces", workspaces.keySet(), actualWorkspaces);
        for (Map.Entry<String, Workspace> entry : workspaces.entrySet()) {
            String ws = entry.getKey();
            Workspace w = entry.getValue();
            if (!actualWorkspaces.contains(ws)) {
                continue;
            }
            check(differences, ws + " stores", w.stores.keySet(), names(rest, "/workspaces/" + ws + "/datastores.json"));
            for (Map.Entry<String, Store> store : w.stores.entrySet()) {
                String path = "/workspaces/" + ws + "/datastores/" + store.getKey();
                GeoServerRest.Answer answer = rest.get(path + ".json");
                if (answer.status() != 200) {
                    continue; // already reported by the list
                }
                if (!store.getValue().description.isEmpty()) {
                    contains(differences, ws + ":" + store.getKey(), answer.body(), "\"description\":\"" + store.getValue().description + "\"");
                }
                check(differences, ws + ":" + store.getKey() + " feature types", store.getValue().featureTypes.keySet(), names(rest, path + "/featuretypes.json"));
                for (Map.Entry<String, FeatureType> type : store.getValue().featureTypes.entrySet()) {
                    GeoServerRest.Answer ft = rest.get(path + "/featuretypes/" + type.getKey() + ".json");
                    GeoServerRest.Answer layer = rest.get("/layers/" + ws + ":" + type.getKey() + ".json");
                    if (ft.status() == 200 && layer.status() == 200) {
                        contains(differences, ws + ":" + type.getKey(), ft.body(), "\"title\":\"" + type.getValue().title + "\"");
                        contains(differences, "layer " + ws + ":" + type.getKey(), layer.body(), "\"enabled\":" + type.getValue().enabled);
                    } else {
                        differences.add(ws + ":" + type.getKey() + ": feature type answers " + ft.status() + ", layer " + layer.status());
                    }
                }
            }
            check(differences, ws + " styles", w.styles.keySet(), names(rest, "/workspaces/" + ws + "/styles.json"));
            for (Map.Entry<String, String> style : w.styles.entrySet()) {
                check(differences, ws + ":" + style.getKey() + " file", style.getValue(), rest.get("/workspaces/" + ws + "/styles/" + style.getKey() + ".sld").body());
            }
            check(differences, ws + " layer groups", w.groups.keySet(), names(rest, "/workspaces/" + ws + "/layergroups.json"));
            for (Map.Entry<String, String> group : w.groups.entrySet()) {
                GeoServerRest.Answer answer = rest.get("/workspaces/" + ws + "/layergroups/" + group.getKey() + ".json");
                contains(differences, ws + ":" + group.getKey(), answer.body(), "\"title\":\"" + group.getValue() + "\"");
            }
        }
        if (wmsTitle != null) {
            contains(differences, "wms", expect(rest.get("/services/wms/settings.json"), 200).body(), "\"title\":\"" + wmsTitle + "\"");
        }
        return differences;
    }
}
