package io.mch.harness.runtime;

/**
 * Scenario time: milliseconds since the run's zero. One clock per run, so every event in the
 * history is on the same axis as the fault schedule. Under time compression scenario time runs
 * {@link TimeScale#factor()} times faster than the wall clock.
 */
public final class RunClock {

    private final long zeroNanos;
    private final TimeScale scale;

    private RunClock(long zeroNanos, TimeScale scale) {
        this.zeroNanos = zeroNanos;
        this.scale = scale;
    }

    public static RunClock startingNow() {
        return startingNow(TimeScale.REAL);
    }

    public static RunClock startingNow(TimeScale scale) {
        return new RunClock(System.nanoTime(), scale);
    }

    public TimeScale scale() {
        return scale;
    }

    /** Milliseconds of scenario time now. */
    public long ms() {
        return toMs(System.nanoTime());
    }

    /** Milliseconds of wall time since zero (what wall-clock timers such as DNS TTLs compare with). */
    public long wallMs() {
        return (System.nanoTime() - zeroNanos) / 1_000_000;
    }

    /** Scenario milliseconds of a {@link System#nanoTime()} reading. */
    public long toMs(long nanoTime) {
        long elapsed = nanoTime - zeroNanos;
        return (scale.compressed() ? Math.round(elapsed * scale.factor()) : elapsed) / 1_000_000;
    }
}
