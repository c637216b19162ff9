package io.mch.reports.html.chart;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.Latencies;
import io.mch.reports.model.RunRecord.FaultWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Cross-cluster latency per (source, target) pair over the run: the p99 of each pair's successful
 * probes per time bucket, against the faults, so a latency fault shows as the one pair whose line
 * rises while it is active. The p99 is the cross-cluster latency SLO's ({@link Latencies}). At
 * most {@value #MAX_BUCKETS} buckets of whole seconds per pair.
 */
public final class CrossLatencyChart {

    static final int MAX_BUCKETS = 120;

    private CrossLatencyChart() {}

    public static Chart of(String scenario, History history, List<FaultWindow> faults, long endMs) {
        long bucketMs = Math.max(1, (endMs + MAX_BUCKETS * 1000L - 1) / (MAX_BUCKETS * 1000L)) * 1000;
        Map<String, Map<Long, List<Event.Probe>>> pairs = new TreeMap<>();
        for (Event.Probe p : history.crossClusterProbes()) {
            if (p.ok()) {
                pairs.computeIfAbsent(p.source() + " → " + p.target(), k -> new TreeMap<>())
                        .computeIfAbsent(p.tMs() / bucketMs, b -> new ArrayList<>())
                        .add(p);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        pairs.forEach((pair, buckets) -> {
            XYSeries series = new XYSeries(pair, false, false);
            long previous = -1;
            for (Map.Entry<Long, List<Event.Probe>> bucket : buckets.entrySet()) {
                if (previous >= 0 && bucket.getKey() > previous + 1) {
                    // A gap where the pair had no successful probe, not a line across it.
                    series.add((previous + 1) * bucketMs / 1000.0, null);
                }
                series.add(bucket.getKey() * bucketMs / 1000.0, Latencies.of(bucket.getValue()).percentileMs(99));
                previous = bucket.getKey();
            }
            data.addSeries(series);
        });
        NumberAxis time = new NumberAxis("seconds since the run started"
                + (bucketMs > 1000 ? " (" + bucketMs / 1000 + " s buckets)" : ""));
        time.setRange(0, Math.max(1, endMs) / 1000.0);
        time.setLabelFont(ChartSvg.LABEL);
        time.setTickLabelFont(ChartSvg.LABEL);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartSvg.CLUSTERS[i % ChartSvg.CLUSTERS.length]);
            renderer.setSeriesStroke(i, ChartSvg.line(1.2f));
        }
        XYPlot plot = new XYPlot(data, time, new NumberAxis("p99 latency ms"), renderer);
        ChartSvg.style(plot);
        FaultSpans.add(plot, faults, endMs, true);
        return ChartSvg.render(new JFreeChart(scenario + ": cross-cluster latency per pair (p99)", ChartSvg.TITLE,
                plot, true), "chart-cross-latency", 1200, 320);
    }
}
