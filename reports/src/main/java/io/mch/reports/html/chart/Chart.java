package io.mch.reports.html.chart;

/**
 * A chart as an inline {@code <svg>} element. The template inserts {@link #svg} unescaped, which is
 * safe only because this type is built by {@link ChartSvg} from JFreeSVG's output alone (JFreeSVG
 * escapes every string it draws); never construct one from recorded text.
 */
public record Chart(String id, String svg) {}
