package io.mch.reports.judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An availability target read as downtime a year, next to what the measured failover time would
 * cost at the incident rate the scenario states: a run of a few minutes says little about a
 * year's availability, but "4 incidents × 31 s" against "52 min 34 s allowed" does. The
 * availability checker projects with it and the report's error budget reads targets with it, so
 * both count the year alike: 365 days, so 99.99% allows 52 min 34 s.
 */
public record DowntimeProjection(double incidentsPerYear, long failoverMs, double minPercent) {

    private static final long YEAR_MS = 365L * 24 * 3_600_000;

    /** Incidents a year × failover time, to the second. */
    public Duration projected() {
        return Duration.ofSeconds(Math.round(incidentsPerYear * failoverMs / 1000.0));
    }

    /** The downtime the availability target allows in a year, to the second. */
    public Duration allowed() {
        return allowedPerYear(minPercent);
    }

    /** The downtime a year an availability of {@code minPercent} allows, to the second. */
    public static Duration allowedPerYear(double minPercent) {
        return Duration.ofSeconds(Math.round((100.0 - minPercent) / 100.0 * YEAR_MS / 1000.0));
    }

    /** How many incidents of {@code failoverMs} each fit into the downtime {@code minPercent} allows a year. */
    public static long incidentsAllowed(double minPercent, long failoverMs) {
        if (failoverMs <= 0) {
            throw new IllegalArgumentException("failover time must be positive: " + failoverMs);
        }
        return allowedPerYear(minPercent).toMillis() / failoverMs;
    }

    /** E.g. {@code projected 4 × 31.25 s = 2 min 5 s of downtime a year; min 99.99% allows 52 min 34 s (within)}. */
    public String describe() {
        boolean within = projected().compareTo(allowed()) <= 0;
        return "projected " + SloText.number(incidentsPerYear) + " × " + SloText.number(failoverMs / 1000.0) + " s = "
                + human(projected()) + " of downtime a year; min " + SloText.number(minPercent) + "% allows "
                + human(allowed()) + (within ? " (within)" : " (exceeded)");
    }

    /** {@code 52 min 34 s}, {@code 8 h 45 min 36 s}, {@code 3 d 15 h 36 min}, {@code 0 s}. */
    public static String human(Duration d) {
        long s = d.getSeconds();
        List<String> parts = new ArrayList<>();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "min", "s"};
        for (int i = 0; i < sizes.length; i++) {
            long n = s / sizes[i];
            s %= sizes[i];
            if (n > 0) {
                parts.add(n + " " + units[i]);
            }
        }
        return parts.isEmpty() ? "0 s" : String.join(" ", parts);
    }
}
