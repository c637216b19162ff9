package io.mch.reports.html;

import io.mch.reports.history.History;
import io.mch.reports.judge.Latencies;
import io.mch.reports.judge.SloText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cross-cluster latency as a source × target table, because a slow link shows as one hot cell
 * where a single percentile over all pairs hides which pair it was. Only successful probes count:
 * a failed probe's latency is its timeout, which is availability, not speed. The percentiles are
 * the cross-cluster latency SLO's ({@link Latencies}), so a cell and the verdict never disagree.
 */
public record LatencyMatrix(List<String> targets, List<Row> rows) {

    /** One source cluster's cells, in {@link #targets} order. */
    public record Row(String source, List<Cell> cells) {}

    /** A pair's percentiles; {@code null} stats when that pair had no successful probe. */
    public record Cell(Stat p50, Stat p99, int count) {}

    /** A value in display form and its heat colour as an inline CSS declaration. */
    public record Stat(String text, String style) {}

    static LatencyMatrix of(History history) {
        Map<String, Map<String, Latencies>> pairs = Latencies.byPair(history);
        TreeSet<String> targets = new TreeSet<>();
        pairs.values().forEach(byTarget -> targets.addAll(byTarget.keySet()));
        double max = pairs.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(l -> l.percentileMs(99)).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        pairs.forEach((source, byTarget) -> rows.add(new Row(source, targets.stream().map(target -> {
            Latencies latencies = byTarget.get(target);
            if (latencies == null) {
                return new Cell(null, null, 0);
            }
            return new Cell(stat(latencies.percentileMs(50), max), stat(latencies.percentileMs(99), max),
                    (int) latencies.count());
        }).toList())));
        return new LatencyMatrix(List.copyOf(targets), rows);
    }

    /** Green at 0 ms to red at the matrix's highest p99, so the slowest pair stands out. */
    private static Stat stat(double ms, double max) {
        double share = max <= 0 ? 0 : Math.min(1, ms / max);
        String style = String.format(Locale.ROOT, "background-color:hsl(%d,75%%,%d%%)",
                Math.round(120 * (1 - share)), Math.round(85 - 15 * share));
        return new Stat(SloText.number(ms) + " ms", style);
    }
}
