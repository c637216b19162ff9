package io.mch.reports.html.chart;

import io.mch.reports.model.RunRecord.FaultWindow;
import java.util.List;
import org.jfree.chart.plot.XYPlot;

/**
 * Shades each fault's window on a time plot, so every chart of a run reads against the same faults;
 * a fault never healed is shaded to the end of the run.
 */
final class FaultSpans {

    private FaultSpans() {}

    /** @param labelled whether to name the faults (once per chart is enough) */
    static void add(XYPlot plot, List<FaultWindow> faults, long endMs, boolean labelled) {
        for (FaultWindow f : faults) {
            long stop = f.endMs() == null ? endMs : f.endMs();
            String label = "#" + f.index() + " " + f.type() + (f.endMs() == null ? " (never healed)" : "");
            ChartSvg.span(plot, f.startMs() / 1000.0, stop / 1000.0, ChartSvg.FAULT, labelled ? label : null);
        }
    }
}
