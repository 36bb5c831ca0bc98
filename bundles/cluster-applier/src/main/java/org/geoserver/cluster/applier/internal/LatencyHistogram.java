package org.geoserver.cluster.applier.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.geoserver.cluster.api.Histogram;

/** Records durations in seconds into fixed buckets, from milliseconds to minutes; thread-safe. */
final class LatencyHistogram {

    private static final List<Double> BOUNDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0);

    private final LongAdder[] counts = new LongAdder[BOUNDS.size() + 1];
    private final DoubleAdder sum = new DoubleAdder();

    LatencyHistogram() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void observe(double seconds) {
        int bucket = 0;
        while (bucket < BOUNDS.size() && seconds > BOUNDS.get(bucket)) {
            bucket++;
        }
        counts[bucket].increment();
        sum.add(seconds);
    }

    Histogram snapshot() {
        List<Long> values = new ArrayList<>(counts.length);
        for (LongAdder count : counts) {
            values.add(count.sum());
        }
        return new Histogram(BOUNDS, values, sum.sum());
    }
}
