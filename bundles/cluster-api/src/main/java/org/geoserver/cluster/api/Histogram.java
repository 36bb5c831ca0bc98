package org.geoserver.cluster.api;

import java.util.List;

/**
 * A histogram's state: how many observations fell at or below each upper bound.
 *
 * @param upperBounds the buckets' upper bounds, increasing; a last bucket without bound follows
 * @param counts observations per bucket (not cumulative), one more than there are bounds
 * @param sum the observations' sum
 */
public record Histogram(List<Double> upperBounds, List<Long> counts, double sum) {

    public Histogram {
        upperBounds = List.copyOf(upperBounds);
        counts = List.copyOf(counts);
        if (counts.size() != upperBounds.size() + 1) {
            throw new IllegalArgumentException(counts.size() + " counts for " + upperBounds.size() + " bounds: one more count than bounds expected");
        }
    }

    /** How many observations there are. */
    public long count() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
