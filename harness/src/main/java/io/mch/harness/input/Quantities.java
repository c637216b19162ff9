package io.mch.harness.input;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quantity notations of scenario and topology files ({@code 1500ms}, {@code 0.5s}, {@code 99.9%},
 * {@code 50/s}), in one place so that every field, every error message and the reports agree on
 * what a number with a unit means. Parse errors are {@link IllegalArgumentException}s whose message
 * is written for the person who typed the value.
 */
public final class Quantities {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final Pattern DURATION = Pattern.compile(NUMBER + "(ms|s|m|h)");
    private static final Pattern PERCENT = Pattern.compile(NUMBER + "\\s*%?");
    private static final Pattern RATE = Pattern.compile(NUMBER + "\\s*/\\s*(s|m|h)");

    /**
     * The highest rate of any field (probes, load, mesh clients): ten times the global probe rate a
     * 2-core machine was measured to keep (docs/performance.md); infinity and 400-digit rates stay out.
     */
    public static final double MAX_RATE = 10_000;

    /**
     * The longest duration of any field: a scenario runs at most a day (a soak test longer than that
     * is not what mch's in-memory history and probe schedule are built for), and a timer longer
     * than the scenario means the same as one of a day.
     */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    private Quantities() {}

    /** {@code ms}, {@code s}, {@code m} or {@code h} after a non-negative, possibly decimal number. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("malformed duration '" + Names.shown(text)
                    + "'; expected a number with unit ms, s, m or h, e.g. 30s, 1500ms, 0.5s, 3m");
        }
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2))));
        try {
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration '" + Names.shown(text) + "' is too large");
        }
    }

    /** A percentage in [0, 100], with or without the {@code %} sign. */
    public static double percent(String text) {
        Matcher m = PERCENT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("malformed percentage '" + Names.shown(text) + "'; expected e.g. 99.9%");
        }
        double value = Double.parseDouble(m.group(1));
        if (value > 100) {
            throw new IllegalArgumentException("percentage '" + Names.shown(text) + "' is above 100%");
        }
        return value;
    }

    /** Events per second from {@code N/s}, {@code N/m} or {@code N/h}; above zero, at most {@link #MAX_RATE}. */
    public static double ratePerSecond(String text) {
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "malformed rate '" + Names.shown(text) + "'; expected a number per s, m or h, e.g. 50/s or 600/m");
        }
        double perSecond = Double.parseDouble(m.group(1)) * 1_000_000_000d / unitNanos(m.group(2));
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate '" + Names.shown(text) + "' must be above zero");
        }
        if (perSecond > MAX_RATE) {
            throw new IllegalArgumentException("rate '" + Names.shown(text) + "' is above " + formatRate(MAX_RATE)
                    + ", the most mch sends");
        }
        return perSecond;
    }

    /** Events per second as a rate ({@code 10000/s}, {@code 0.5/s}), the way {@link #ratePerSecond} reads it. */
    private static String formatRate(double perSecond) {
        return BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString() + "/s";
    }

    /**
     * Seconds, or milliseconds below a whole second ({@code 75s}, {@code 120s}, {@code 1500ms}),
     * so values compared in one message are written in one unit; {@link #duration} reads it back.
     */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos % unitNanos("s") == 0) {
            return nanos / unitNanos("s") + "s";
        }
        return BigDecimal.valueOf(nanos).movePointLeft(6).stripTrailingZeros().toPlainString() + "ms";
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }
}
