package org.geoserver.cluster.sync.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The replicated resource kinds two nodes have, from their statuses' per-kind digests: those only
 * one of them has are named, not compared, so that a kind whose bundle a node lacks is not taken for
 * a drift. A status without kinds (a node of an earlier version) counts as having this node's kinds.
 *
 * @param same whether both have the same kinds (then the overall digests compare)
 * @param sharedDigestsEqual whether every kind both have has the same digest on both
 * @param missingHere kinds the peer has and this node lacks
 * @param missingThere kinds this node has and the peer lacks
 */
record SharedKinds(boolean same, boolean sharedDigestsEqual, List<String> missingHere, List<String> missingThere) {

    static SharedKinds of(Map<String, String> here, Map<String, String> there) {
        if (here.isEmpty() || there.isEmpty() || here.keySet().equals(there.keySet())) {
            return new SharedKinds(true, true, List.of(), List.of());
        }
        TreeSet<String> missingHere = new TreeSet<>(there.keySet());
        missingHere.removeAll(here.keySet());
        TreeSet<String> missingThere = new TreeSet<>(here.keySet());
        missingThere.removeAll(there.keySet());
        boolean equal = here.keySet().stream().filter(there::containsKey).allMatch(kind -> Objects.equals(here.get(kind), there.get(kind)));
        return new SharedKinds(false, equal, List.copyOf(missingHere), List.copyOf(missingThere));
    }
}
