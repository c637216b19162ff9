package io.mch.reports.html.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a JFreeChart into an SVG string with one look for every chart of the reports. The SVG gets
 * a view box and no fixed size, so it scales with the page, and coordinates are rounded to 0.1 px,
 * which keeps a ten-minute run's per-second charts small without a visible difference.
 */
public final class ChartSvg {

    static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 11);
    static final Color GRID = new Color(0xe5e7eb);
    static final Color FAULT = new Color(245, 158, 11, 60);
    static final Color FAILOVER = new Color(185, 28, 28, 50);
    static final Color OK = new Color(0x15803d);
    static final Color P50 = new Color(0x2563eb);
    static final Color P99 = new Color(0xb91c1c);
    static final Color CLEAR = new Color(255, 255, 255, 0);
    static final Color[] CLUSTERS = {
        new Color(0x2563eb), new Color(0x7c3aed), new Color(0x0891b2),
        new Color(0xdb2777), new Color(0x65a30d), new Color(0xea580c),
    };

    static {
        // Charts are drawn to SVG, never to a screen: a CI machine has no display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartSvg() {}

    /** @param id the element id, unique within the page (it also prefixes the SVG's clip-path ids) */
    public static Chart render(JFreeChart chart, String id, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return render(id, width, height, g -> chart.draw(g, new Rectangle(0, 0, width, height)));
    }

    /** Whatever {@code drawing} draws, as a chart; the one way to a {@link Chart}'s SVG. */
    static Chart render(String id, int width, int height, Consumer<SVGGraphics2D> drawing) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(ChartSvg::tenth);
        g.setTransformDoubleConverter(ChartSvg::tenth);
        drawing.accept(g);
        String svg = g.getSVGElement(id, false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID,
                MeetOrSlice.MEET);
        return new Chart(id, svg);
    }

    /** A plot with the reports' background and grid. */
    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        if (plot.getRangeAxis() != null) {
            plot.getRangeAxis().setLabelFont(LABEL);
            plot.getRangeAxis().setTickLabelFont(LABEL);
        }
    }

    /** A shaded span behind the data, labelled at its top left (no label when {@code label} is null). */
    static IntervalMarker span(XYPlot plot, double from, double to, Color fill, String label) {
        IntervalMarker marker = new IntervalMarker(from, to, fill);
        marker.setOutlinePaint(null);
        if (label != null) {
            marker.setLabel(label);
            marker.setLabelFont(LABEL);
            marker.setLabelPaint(Color.DARK_GRAY);
            marker.setLabelBackgroundColor(CLEAR);
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        plot.addDomainMarker(marker, Layer.BACKGROUND);
        return marker;
    }

    static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** {@code value} to one decimal, without a trailing {@code .0}. */
    static String tenth(double value) {
        long tenths = Math.round(value * 10);
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return abs % 10 == 0 ? sign + abs / 10 : sign + abs / 10 + "." + abs % 10;
    }
}
