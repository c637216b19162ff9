package io.mch.reports.html;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.SloText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cross-cluster latency as a source × target table, because a slow link shows as one hot cell
 * where a single percentile over all pairs hides which pair it was. Only successful probes count:
 * a failed probe's latency is its timeout, which is availability, not speed.
 */
public record LatencyMatrix(List<String> targets, List<Row> rows) {

    /** One source cluster's cells, in {@link #targets} order. */
    public record Row(String source, List<Cell> cells) {}

    /** A pair's percentiles; {@code null} stats when that pair had no successful probe. */
    public record Cell(Stat p50, Stat p99, int count) {}

    /** A value in display form and its heat colour as an inline CSS declaration. */
    public record Stat(String text, String style) {}

    static LatencyMatrix of(History history) {
        Map<String, Map<String, List<Double>>> latencies = new TreeMap<>();
        TreeSet<String> targets = new TreeSet<>();
        for (Event.Probe p : history.crossClusterProbes()) {
            if (p.ok()) {
                targets.add(p.target());
                latencies.computeIfAbsent(p.source(), s -> new TreeMap<>())
                        .computeIfAbsent(p.target(), t -> new ArrayList<>())
                        .add(p.latencyMs());
            }
        }
        double max = latencies.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(l -> percentile(sorted(l), 99)).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        latencies.forEach((source, byTarget) -> rows.add(new Row(source, targets.stream().map(target -> {
            List<Double> values = byTarget.get(target);
            if (values == null) {
                return new Cell(null, null, 0);
            }
            double[] sorted = sorted(values);
            return new Cell(stat(percentile(sorted, 50), max), stat(percentile(sorted, 99), max), sorted.length);
        }).toList())));
        return new LatencyMatrix(List.copyOf(targets), rows);
    }

    private static double[] sorted(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Nearest rank, to 0.1 ms like the cross-cluster latency SLO (whose histogram agrees within its
     * precision; reports has no HdrHistogram).
     */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return Math.round(sorted[Math.max(0, rank - 1)] * 10) / 10.0;
    }

    /** Green at 0 ms to red at the matrix's highest p99, so the slowest pair stands out. */
    private static Stat stat(double ms, double max) {
        double share = max <= 0 ? 0 : Math.min(1, ms / max);
        String style = String.format(Locale.ROOT, "background-color:hsl(%d,75%%,%d%%)",
                Math.round(120 * (1 - share)), Math.round(85 - 15 * share));
        return new Stat(SloText.number(ms) + " ms", style);
    }
}
