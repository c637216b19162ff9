package io.mch.reports.html;

import io.mch.reports.history.Event;
import io.mch.reports.history.FailoverTimes;
import io.mch.reports.history.FaultWindows;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord.FaultWindow;
import io.mch.reports.slo.SloText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers behind the report's time axis: every bar and cell as a left edge and a width in
 * percent of the run, so the template draws plain SVG rects and the chart scales with the page.
 */
public record Timeline(
        long endMs,
        List<Tick> ticks,
        List<Bar> faults,
        List<Bar> failovers,
        List<Bar> serving,
        List<Cell> availability) {

    /** An axis label at {@code x} percent. */
    public record Tick(String x, String label) {}

    /**
     * A span on the axis; {@code style} is a CSS class ({@code open} for a fault never healed,
     * {@code c0..c5} for a serving cluster, {@code none} when nothing served, {@code failover} for
     * global traffic down from a fault's start to recovery, {@code unrecovered} when it never came back).
     */
    public record Bar(String x, String width, String label, String title, String style) {}

    /** One second of global probes; {@code style} is {@code ok}, {@code partial}, {@code down}. */
    public record Cell(String x, String width, String title, String style) {}

    private static final int TICKS = 10;
    private static final int CLUSTER_STYLES = 6;

    public static Timeline of(History history) {
        long end = Math.max(1, history.events().isEmpty() ? 1 : history.events().get(history.events().size() - 1).tMs());
        return new Timeline(end, ticks(end), faults(history, end), failovers(history, end), serving(history, end),
                availability(history, end));
    }

    private static List<Tick> ticks(long end) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= TICKS; i++) {
            long t = end * i / TICKS;
            ticks.add(new Tick(percent(t, end), Times.seconds(t)));
        }
        return ticks;
    }

    private static List<Bar> faults(History history, long end) {
        List<Bar> bars = new ArrayList<>();
        for (FaultWindow f : FaultWindows.of(history)) {
            long stop = f.endMs() == null ? end : f.endMs();
            String label = "#" + f.index() + " " + f.type();
            String title = label + ": " + Times.seconds(f.startMs()) + " – "
                    + (f.endMs() == null ? "end of run (never healed)" : Times.seconds(stop))
                    + (f.description() == null ? "" : " — " + f.description());
            bars.add(new Bar(percent(f.startMs(), end), percent(stop - f.startMs(), end), label, title,
                    f.endMs() == null ? "open" : "healed"));
        }
        return bars;
    }

    /** Without a run-started event the probe interval, and so the resolution, is unknown: no spans. */
    private static List<Bar> failovers(History history, long end) {
        List<Bar> bars = new ArrayList<>();
        history.start().map(Event.RunStarted::probeIntervalMs).ifPresent(interval -> {
            String resolution = "resolution " + SloText.number(interval) + " ms (probe interval)";
            FailoverTimes times = FailoverTimes.measure(history, interval);
            for (FailoverTimes.Outcome o : times.outcomes()) {
                boolean recovered = o.kind() == FailoverTimes.Kind.RECOVERED;
                if (!recovered && o.kind() != FailoverTimes.Kind.NEVER_RECOVERED) {
                    continue;
                }
                long start = o.fault().startMs();
                long stop = recovered ? start + o.failoverMs() : end;
                String label = (recovered ? "failover " + Times.seconds(o.failoverMs()) : "never recovered") + ", "
                        + resolution;
                bars.add(new Bar(percent(start, end), percent(stop - start, end), label,
                        "#" + o.fault().index() + " " + o.fault().type() + ": " + label + ", from "
                                + Times.seconds(start) + (recovered ? " to " + Times.seconds(stop) : ""),
                        recovered ? "failover" : "unrecovered"));
            }
        });
        return bars;
    }

    private static List<Bar> serving(History history, long end) {
        List<Event.Serving> changes = history.of(Event.Serving.class).toList();
        Map<String, String> styles = new LinkedHashMap<>();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Event.Serving s = changes.get(i);
            long stop = i + 1 < changes.size() ? changes.get(i + 1).tMs() : end;
            String cluster = s.cluster();
            String style = cluster == null
                    ? "none"
                    : styles.computeIfAbsent(cluster, c -> "c" + styles.size() % CLUSTER_STYLES);
            String label = cluster == null ? "none" : cluster;
            bars.add(new Bar(percent(s.tMs(), end), percent(stop - s.tMs(), end), label,
                    label + " from " + Times.seconds(s.tMs()) + (s.reason() == null ? "" : " (" + s.reason() + ")"),
                    style));
        }
        return bars;
    }

    private static List<Cell> availability(History history, long end) {
        Map<Long, int[]> perSecond = new LinkedHashMap<>();
        for (Event.Probe p : history.globalProbes()) {
            int[] okAll = perSecond.computeIfAbsent(p.tMs() / 1000, s -> new int[2]);
            okAll[0] += p.ok() ? 1 : 0;
            okAll[1]++;
        }
        List<Cell> cells = new ArrayList<>();
        perSecond.forEach((second, okAll) -> {
            long from = second * 1000;
            long width = Math.min(1000, Math.max(1, end - from));
            String style = okAll[0] == okAll[1] ? "ok" : okAll[0] == 0 ? "down" : "partial";
            cells.add(new Cell(percent(from, end), percent(width, end),
                    Times.seconds(from) + ": " + okAll[0] + "/" + okAll[1] + " probes ok", style));
        });
        return cells;
    }

    static String percent(long ms, long end) {
        return String.format(Locale.ROOT, "%.3f%%", 100.0 * ms / end);
    }
}
