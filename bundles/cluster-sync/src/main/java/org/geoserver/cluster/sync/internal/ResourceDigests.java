package org.geoserver.cluster.sync.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.geoserver.cluster.api.ConfigurationDigest;
import org.geoserver.cluster.api.DigestSummary;
import org.geoserver.cluster.api.ReplicatedResource;
import org.geoserver.cluster.api.ResourceKind;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The digest of this node's whole configuration: the per-object digests of every
 * {@link ReplicatedResource} (whiteboard), summed up per type and overall. Statuses ask for it every
 * few seconds: a result is kept while every resource answers the same map (resources keep theirs
 * until they change). Needs at least one resource, so that no digest of an empty node reaches the
 * peers before the node's configuration is loaded.
 */
@Component(service = ConfigurationDigest.class)
public class ResourceDigests implements ConfigurationDigest {

    private final Map<String, ReplicatedResource> resources = new ConcurrentHashMap<>();
    private volatile Summed last;

    /** A summary and the digest of each kind, with the maps they were computed from, compared by identity. */
    private record Summed(List<Map<String, String>> from, DigestSummary summary, Map<String, String> byKind) {}

    public ResourceDigests() {}

    ResourceDigests(Map<String, ReplicatedResource> resources) {
        this.resources.putAll(resources);
    }

    /** A bind method takes no component property type (DS 1.4): the properties' map, with the key the type gives. */
    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC, target = "(" + ResourceKind.PROPERTY + "=*)")
    void addResource(ReplicatedResource resource, Map<String, Object> properties) {
        resources.put(String.valueOf(properties.get(ResourceKind.PROPERTY)), resource);
    }

    void removeResource(ReplicatedResource resource, Map<String, Object> properties) {
        resources.remove(String.valueOf(properties.get(ResourceKind.PROPERTY)), resource);
    }

    @Override
    public String digest() {
        return current().summary().overall();
    }

    @Override
    public Map<String, String> digestsByType() {
        return current().summary().byType();
    }

    /** Keys are "type id", sorted, so that the per-type digests are independent of creation order. */
    @Override
    public Map<String, String> digestsById() {
        return current().summary().byId();
    }

    @Override
    public Map<String, String> digestsByKind() {
        return current().byKind();
    }

    private Summed current() {
        Map<String, ReplicatedResource> byName = new TreeMap<>(resources);
        List<Map<String, String>> maps = new ArrayList<>();
        byName.values().forEach(resource -> maps.add(resource.digests()));
        Summed known = last;
        if (known != null && sameMaps(known.from(), maps)) {
            return known;
        }
        SortedMap<String, String> byId = new TreeMap<>();
        maps.forEach(byId::putAll);
        Map<String, String> byKind = new TreeMap<>();
        int i = 0;
        for (String kind : byName.keySet()) {
            byKind.put(kind, DigestSummary.of(new TreeMap<>(maps.get(i++))).overall());
        }
        Summed result = new Summed(maps, DigestSummary.of(byId), Map.copyOf(byKind));
        last = result;
        return result;
    }

    private static boolean sameMaps(List<Map<String, String>> a, List<Map<String, String>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
