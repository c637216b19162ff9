package io.mch.reports.html.chart;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.FailoverTimes;
import io.mch.reports.judge.Latencies;
import io.mch.reports.judge.SloText;
import io.mch.reports.judge.Times;
import io.mch.reports.model.RunRecord.FaultWindow;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Global traffic over the run on one time axis: the share of global probes that succeeded and the
 * latency of the successful ones per second, with the faults shaded, each failover interval marked
 * with its length and resolution (from {@link FailoverTimes}, the rule the SLO judges by), and a
 * strip naming the cluster the global load balancer served from. A run longer than
 * {@value #MAX_BUCKETS} seconds is drawn in buckets of several seconds, so the SVG stays small.
 */
public final class TrafficChart {

    static final int MAX_BUCKETS = 900;

    private TrafficChart() {}

    public static Chart of(String scenario, History history, List<FaultWindow> faults, long endMs) {
        long bucketMs = bucketMs(endMs);
        NumberAxis time = new NumberAxis("seconds since the run started" + (bucketMs > 1000
                ? " (" + bucketMs / 1000 + " s buckets)" : ""));
        time.setRange(0, Math.max(1, endMs) / 1000.0);
        time.setLabelFont(ChartSvg.LABEL);
        time.setTickLabelFont(ChartSvg.LABEL);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(6);

        XYSeries success = new XYSeries("success rate (%)", false, false);
        XYSeries p50 = new XYSeries("latency p50 (ms)", false, false);
        XYSeries p99 = new XYSeries("latency p99 (ms)", false, false);
        buckets(history.globalProbes(), bucketMs, success, p50, p99);

        XYPlot rate = plot(new XYSeriesCollection(success), "success %", new XYStepRenderer());
        rate.getRangeAxis().setRange(0, 105);
        rate.getRenderer().setSeriesPaint(0, ChartSvg.OK);
        rate.getRenderer().setSeriesStroke(0, ChartSvg.line(1.5f));
        FaultSpans.add(rate, faults, endMs, true);
        failovers(rate, history, endMs);

        XYSeriesCollection latencies = new XYSeriesCollection(p50);
        latencies.addSeries(p99);
        XYPlot latency = plot(latencies, "latency ms", new XYLineAndShapeRenderer(true, false));
        latency.getRenderer().setSeriesPaint(0, ChartSvg.P50);
        latency.getRenderer().setSeriesPaint(1, ChartSvg.P99);
        latency.getRenderer().setSeriesStroke(0, ChartSvg.line(1.2f));
        latency.getRenderer().setSeriesStroke(1, ChartSvg.line(1.2f));
        FaultSpans.add(latency, faults, endMs, false);

        XYPlot serving = plot(new XYSeriesCollection(), "serving", new XYLineAndShapeRenderer(true, false));
        serving.getRangeAxis().setTickLabelsVisible(false);
        serving.getRangeAxis().setTickMarksVisible(false);
        serving.setRangeGridlinesVisible(false);
        serving(serving, history, endMs);

        plot.add(rate, 4);
        plot.add(latency, 4);
        plot.add(serving, 1);
        return ChartSvg.render(new JFreeChart(scenario + ": global traffic", ChartSvg.TITLE, plot, true),
                "chart-traffic", 1200, 560);
    }

    /** One second, or as many whole seconds as keep the run within {@value #MAX_BUCKETS} buckets. */
    static long bucketMs(long endMs) {
        long seconds = (endMs + MAX_BUCKETS * 1000L - 1) / (MAX_BUCKETS * 1000L);
        return Math.max(1, seconds) * 1000;
    }

    private static XYPlot plot(XYSeriesCollection data, String axis, XYItemRenderer r) {
        NumberAxis range = new NumberAxis(axis);
        range.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, range, r);
        ChartSvg.style(plot);
        return plot;
    }

    /**
     * Buckets are plotted at their start; latency only where a probe of the bucket succeeded, a gap
     * elsewhere, with the percentiles every latency figure of the report takes ({@link Latencies}).
     */
    private static void buckets(List<Event.Probe> probes, long bucketMs, XYSeries success, XYSeries p50,
            XYSeries p99) {
        int i = 0;
        while (i < probes.size()) {
            long bucket = probes.get(i).tMs() / bucketMs;
            List<Event.Probe> ok = new ArrayList<>();
            int all = 0;
            for (; i < probes.size() && probes.get(i).tMs() / bucketMs == bucket; i++) {
                Event.Probe p = probes.get(i);
                all++;
                if (p.ok()) {
                    ok.add(p);
                }
            }
            double x = bucket * bucketMs / 1000.0;
            success.add(x, 100.0 * ok.size() / all);
            if (!ok.isEmpty()) {
                Latencies latencies = Latencies.of(ok);
                p50.add(x, latencies.percentileMs(50));
                p99.add(x, latencies.percentileMs(99));
            } else {
                // A gap, not a line drawn across the seconds without a successful probe.
                p50.add(x, null);
                p99.add(x, null);
            }
        }
    }

    /** Without a run-started event the probe interval, and so the resolution, is unknown: no intervals. */
    private static void failovers(XYPlot plot, History history, long endMs) {
        history.start().map(Event.RunStarted::probeIntervalMs).ifPresent(interval -> {
            String resolution = "resolution " + SloText.number(interval) + " ms (probe interval)";
            for (FailoverTimes.Outcome o : FailoverTimes.measure(history, interval).outcomes()) {
                boolean recovered = o.kind() == FailoverTimes.Kind.RECOVERED;
                if (!recovered && o.kind() != FailoverTimes.Kind.NEVER_RECOVERED) {
                    continue;
                }
                long start = o.fault().startMs();
                long stop = recovered ? start + o.failoverMs() : endMs;
                String label = "#" + o.fault().index() + " " + (recovered
                        ? "failover " + Times.seconds(o.failoverMs()) : "never recovered") + ", " + resolution;
                IntervalMarker marker = ChartSvg.span(plot, start / 1000.0, stop / 1000.0, ChartSvg.FAILOVER, label);
                marker.setOutlinePaint(ChartSvg.P99);
                marker.setLabelAnchor(RectangleAnchor.LEFT);
                marker.setLabelTextAnchor(TextAnchor.CENTER_LEFT);
            }
        });
    }

    private static void serving(XYPlot plot, History history, long endMs) {
        List<Event.Serving> changes = history.of(Event.Serving.class).toList();
        Map<String, Color> colours = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Event.Serving s = changes.get(i);
            long stop = i + 1 < changes.size() ? changes.get(i + 1).tMs() : endMs;
            Color colour = s.cluster() == null ? Color.LIGHT_GRAY : colours.computeIfAbsent(s.cluster(),
                    c -> ChartSvg.CLUSTERS[colours.size() % ChartSvg.CLUSTERS.length]);
            Color fill = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110);
            IntervalMarker marker = ChartSvg.span(plot, s.tMs() / 1000.0, stop / 1000.0, fill,
                    s.cluster() == null ? "none" : s.cluster());
            marker.setLabelAnchor(RectangleAnchor.LEFT);
            marker.setLabelTextAnchor(TextAnchor.CENTER_LEFT);
        }
    }
}
