package io.mch.reports.judge;

/** Shares of counts as SLO percentages. */
final class Percent {

    private Percent() {}

    /**
     * {@code part / whole × 100}, rounded down to four decimals: a reported value never overstates
     * what was measured, so a value shown at or above its minimum really met it.
     */
    static double floor(long part, long whole) {
        return Math.floorDiv(part * 1_000_000L, whole) / 10_000.0;
    }
}
