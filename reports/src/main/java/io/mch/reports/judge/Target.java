package io.mch.reports.judge;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SLO bound in the SLO's own unit ({@code ms} or {@code %}). Checkers judge with it and write
 * its {@link #text()} into {@code run.json}; renderers {@link #parse} that text back to show the
 * margin, so the written form and the judged bound can never disagree.
 */
public record Target(Bound bound, double limit, String unit) {

    /** Whether the measured value must stay at or below ({@code MAX}) or at or above ({@code MIN}). */
    public enum Bound {
        MAX,
        MIN
    }

    private static final Pattern TEXT = Pattern.compile("(max|min) ([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h|%)");

    /** A time limit, judged in milliseconds. */
    public static Target maxDuration(Duration max) {
        return new Target(Bound.MAX, max.toMillis(), "ms");
    }

    /** A lower bound on a percentage. */
    public static Target minPercent(double min) {
        return new Target(Bound.MIN, min, "%");
    }

    /** Reads the text {@link #text()} writes; empty for anything else. */
    public static Optional<Target> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        Bound bound = Bound.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        double number = Double.parseDouble(m.group(2));
        return Optional.of(switch (m.group(3)) {
            case "%" -> new Target(bound, number, "%");
            case "ms" -> new Target(bound, number, "ms");
            case "s" -> new Target(bound, number * 1_000, "ms");
            case "m" -> new Target(bound, number * 60_000, "ms");
            default -> new Target(bound, number * 3_600_000, "ms");
        });
    }

    /** As a scenario states it: {@code max 2m}, {@code max 50ms}, {@code min 99.9%}. */
    public String text() {
        String number = "%".equals(unit) ? plain(limit) + "%" : durationText((long) limit);
        return bound.name().toLowerCase(Locale.ROOT) + " " + number;
    }

    /** Whether a measured value meets this bound (the bound itself included). */
    public boolean allows(double value) {
        return bound == Bound.MAX ? value <= limit : value >= limit;
    }

    /** How far inside the bound a value is: positive inside, negative outside. */
    public double margin(double value) {
        return bound == Bound.MAX ? limit - value : value - limit;
    }

    /** The largest of h, m, s, ms that states the duration exactly, so it parses back unchanged. */
    private static String durationText(long ms) {
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms != 0 && ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }

    /** A number without a trailing {@code .0}: 100 for 100.0, 99.9 for 99.9. */
    static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
