package io.mch.reports.judge;

import io.mch.reports.model.SloResult;

/**
 * How an SLO result reads to a person, shared by the console table, the HTML report and JUnit XML
 * so the three never show the same measurement differently.
 */
public final class SloText {

    private SloText() {}

    /** {@code 31250 ms}, {@code 79.8 ms (p99)}, {@code 99.2 %}, or {@code —} when nothing was measured. */
    public static String value(SloResult slo) {
        if (slo.value() == null) {
            return "—";
        }
        String text = number(slo.value()) + (slo.unit() == null ? "" : " " + slo.unit());
        return slo.percentile() == null ? text : text + " (p" + slo.percentile() + ")";
    }

    /** The target text, or {@code —} when the result carries none. */
    public static String target(SloResult slo) {
        return slo.target() == null ? "—" : slo.target();
    }

    /**
     * Signed distance from the bound in the SLO's unit, positive when inside it ({@code +88750 ms},
     * {@code -0.7 pp}); {@code —} when there is no value or no readable target.
     */
    public static String margin(SloResult slo) {
        if (slo.value() == null) {
            return "—";
        }
        return Target.parse(slo.target())
                .map(t -> {
                    double margin = t.margin(slo.value());
                    String unit = "%".equals(t.unit()) ? "pp" : t.unit();
                    return (margin >= 0 ? "+" : "") + number(margin) + " " + unit;
                })
                .orElse("—");
    }

    /** At most four decimals, no trailing zeros. */
    public static String number(double value) {
        return Target.plain(Math.round(value * 10_000) / 10_000.0);
    }
}
