package io.mch.reports.html.chart;

import io.mch.reports.judge.Target;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One scenario's runs over time in the suite index: failover time, cross-cluster latency and
 * availability per run, each against the newest run's target (dashed), so a slow drift shows
 * before it breaks an SLO. Runs are evenly spaced in start order and labelled by start time;
 * a run without a value for an SLO leaves a gap.
 */
public final class TrendChart {

    /** The SLOs a trend shows, in the order of its panels. */
    static final List<String> SLOS = List.of("failover-time", "cross-cluster-latency", "availability");

    /** A run as the trend sees it: its axis label and record. */
    public record Point(String label, RunRecord record) {}

    private TrendChart() {}

    /** @param oldestFirst two or more runs of {@code scenario}; @param id unique within the page */
    public static Chart of(String scenario, List<Point> oldestFirst, String id) {
        SymbolAxis runs = new SymbolAxis("run (by start time)",
                oldestFirst.stream().map(Point::label).toArray(String[]::new));
        runs.setTickLabelFont(ChartSvg.LABEL);
        runs.setLabelFont(ChartSvg.LABEL);
        runs.setVerticalTickLabels(oldestFirst.size() > 6);
        runs.setGridBandsVisible(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(runs);
        plot.setGap(8);
        for (int i = 0; i < SLOS.size(); i++) {
            plot.add(panel(SLOS.get(i), oldestFirst, ChartSvg.CLUSTERS[i]));
        }
        return ChartSvg.render(new JFreeChart(scenario + ": trend over " + oldestFirst.size() + " runs",
                ChartSvg.TITLE, plot, false), id, 900, 420);
    }

    private static XYPlot panel(String slo, List<Point> runs, Color colour) {
        XYSeries series = new XYSeries(slo, false, true);
        String unit = "";
        Optional<Target> target = Optional.empty();
        for (int x = 0; x < runs.size(); x++) {
            Optional<SloResult> result = find(runs.get(x).record(), slo);
            series.add(x, result.map(SloResult::value).orElse(null));
            if (result.isPresent()) {
                unit = result.get().unit() == null ? unit : result.get().unit();
                target = Target.parse(result.get().target());
            }
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, ChartSvg.line(1.5f));
        NumberAxis axis = new NumberAxis(slo + (unit.isEmpty() ? "" : " (" + unit + ")"));
        axis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), null, axis, renderer);
        ChartSvg.style(plot);
        target.ifPresent(t -> {
            ValueMarker marker = new ValueMarker(t.limit(), ChartSvg.P99, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            marker.setLabel("target " + t.text());
            marker.setLabelFont(ChartSvg.LABEL);
            marker.setLabelPaint(ChartSvg.P99);
            marker.setLabelBackgroundColor(ChartSvg.CLEAR);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(marker);
            // Keep the target in view even when every run is far inside it.
            if (!Double.isNaN(series.getMinY())) {
                double low = Math.min(series.getMinY(), t.limit());
                double high = Math.max(series.getMaxY(), t.limit());
                double pad = Math.max((high - low) * 0.1, Math.abs(high) * 0.001 + 0.001);
                axis.setRange(low - pad, high + pad);
            }
        });
        return plot;
    }

    private static Optional<SloResult> find(RunRecord record, String slo) {
        return record.slos() == null ? Optional.empty()
                : record.slos().stream().filter(s -> slo.equals(s.name()) && s.value() != null).findFirst();
    }
}
