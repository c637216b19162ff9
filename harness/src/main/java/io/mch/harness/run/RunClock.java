package io.mch.harness.run;

/**
 * Scenario time: milliseconds since the run's zero. One clock per run, so every event in the
 * history is on the same axis as the fault schedule.
 */
public final class RunClock {

    private final long zeroNanos;

    private RunClock(long zeroNanos) {
        this.zeroNanos = zeroNanos;
    }

    public static RunClock startingNow() {
        return new RunClock(System.nanoTime());
    }

    /** Milliseconds of scenario time now. */
    public long ms() {
        return toMs(System.nanoTime());
    }

    /** Scenario milliseconds of a {@link System#nanoTime()} reading. */
    public long toMs(long nanoTime) {
        return (nanoTime - zeroNanos) / 1_000_000;
    }
}
