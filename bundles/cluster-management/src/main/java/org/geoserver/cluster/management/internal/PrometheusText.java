package org.geoserver.cluster.management.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoserver.cluster.api.Histogram;

/** Metrics in Prometheus' text exposition format (version 0.0.4): each family with its help and type, then its samples. */
final class PrometheusText {

    static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder();

    PrometheusText family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    PrometheusText sample(String name, double value) {
        return sample(name, Map.of(), value);
    }

    /** @param labels name and value of each label, in the order given (a LinkedHashMap or a one-entry map) */
    PrometheusText sample(String name, Map<String, String> labels, double value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                text.append(first ? "" : ",").append(label.getKey()).append("=\"")
                        .append(label.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
                first = false;
            }
            text.append('}');
        }
        return value(value);
    }

    /** A histogram family's buckets (cumulative, as Prometheus counts them), sum and count. */
    PrometheusText histogram(String name, Histogram histogram) {
        List<Double> bounds = histogram.upperBounds();
        long cumulative = 0;
        for (int i = 0; i < histogram.counts().size(); i++) {
            cumulative += histogram.counts().get(i);
            text.append(name).append("_bucket{le=\"").append(i < bounds.size() ? number(bounds.get(i)) : "+Inf").append("\"}");
            value(cumulative);
        }
        text.append(name).append("_sum");
        value(histogram.sum());
        text.append(name).append("_count");
        return value(cumulative);
    }

    private PrometheusText value(double value) {
        text.append(' ').append(number(value)).append('\n');
        return this;
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    /** Adds another text's families after this one's. */
    PrometheusText append(PrometheusText other) {
        text.append(other.text);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
