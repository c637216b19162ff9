package io.mch.reports.html.chart;

import io.mch.reports.judge.Consistency;
import io.mch.reports.model.RunRecord.FaultWindow;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The share of (cluster, object) pairs whose live spec matched the desired one, per sampling round,
 * against the faults, with the last heal and the moment every pair matched again marked, so the
 * convergence time reads off the axis.
 */
public final class ConsistencyChart {

    private ConsistencyChart() {}

    public static Chart of(String scenario, Consistency consistency, List<FaultWindow> faults, long endMs) {
        XYSeries share = new XYSeries("pairs matching (%)", false, false);
        consistency.rounds().forEach(r -> share.add(r.tMs() / 1000.0, r.percent()));
        NumberAxis time = new NumberAxis("seconds since the run started");
        time.setRange(0, Math.max(1, endMs) / 1000.0);
        time.setLabelFont(ChartSvg.LABEL);
        time.setTickLabelFont(ChartSvg.LABEL);
        NumberAxis percent = new NumberAxis("% of pairs matching");
        percent.setRange(0, 105);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, ChartSvg.OK);
        renderer.setSeriesStroke(0, ChartSvg.line(1.5f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(share), time, percent, renderer);
        ChartSvg.style(plot);
        FaultSpans.add(plot, faults, endMs, true);
        if (consistency.convergedAtMs() != null) {
            mark(plot, consistency.convergedAtMs(), ChartSvg.OK, consistency.convergence());
        } else if (consistency.lastHealMs() != null) {
            mark(plot, consistency.lastHealMs(), ChartSvg.P99, "last heal: " + consistency.convergence());
        }
        return ChartSvg.render(new JFreeChart(scenario + ": config consistency", ChartSvg.TITLE, plot, false),
                "chart-consistency", 1200, 260);
    }

    private static void mark(XYPlot plot, long tMs, Color colour, String label) {
        ValueMarker marker = new ValueMarker(tMs / 1000.0, colour, ChartSvg.line(2f));
        marker.setLabel(label);
        marker.setLabelFont(ChartSvg.LABEL);
        marker.setLabelPaint(colour);
        marker.setLabelBackgroundColor(ChartSvg.CLEAR);
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(marker);
    }
}
