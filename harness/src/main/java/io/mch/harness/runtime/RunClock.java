package io.mch.harness.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenario time: milliseconds since the run's zero. One clock per run, so every event in the
 * history is on the same axis as the fault schedule. Under time compression scenario time runs
 * {@link TimeScale#factor()} times faster than the wall clock.
 *
 * <p>A run's clock exists before its zero: the backend reads its time scale while the clusters
 * come up, and what happens then (nodes turning Ready, the fabric connecting) is stamped 0.
 * {@link #start()} sets the zero once the whole run is wired, so that no scenario time passes while
 * mch itself is still starting: on a busy machine wiring takes seconds of wall time, which at ×20
 * is most of a short scenario. What must begin at the zero (probe loops, timers on the scenario's
 * own axis) waits for it with {@link #whenStarted}.
 */
public final class RunClock {

    private static final long UNSTARTED = Long.MIN_VALUE;

    private final TimeScale scale;
    private volatile long zeroNanos = UNSTARTED;
    private final List<Runnable> atZero = new ArrayList<>();

    private RunClock(TimeScale scale) {
        this.scale = scale;
    }

    /** A clock whose zero is set later by {@link #start()}; until then it reads 0. */
    public static RunClock unstarted(TimeScale scale) {
        return new RunClock(scale);
    }

    public static RunClock startingNow() {
        return startingNow(TimeScale.REAL);
    }

    public static RunClock startingNow(TimeScale scale) {
        RunClock clock = new RunClock(scale);
        clock.start();
        return clock;
    }

    /**
     * Sets the zero to now and runs what waited for it, in the order it was registered; a second
     * call changes nothing.
     */
    public RunClock start() {
        List<Runnable> due;
        synchronized (this) {
            if (zeroNanos != UNSTARTED) {
                return this;
            }
            zeroNanos = System.nanoTime();
            due = List.copyOf(atZero);
            atZero.clear();
        }
        due.forEach(Runnable::run);
        return this;
    }

    /**
     * Runs {@code action} at the zero, in the thread that starts the clock (at once when it has
     * started): for what is on the scenario's axis and must not begin before it. It should only
     * start things, not wait.
     */
    public void whenStarted(Runnable action) {
        synchronized (this) {
            if (zeroNanos == UNSTARTED) {
                atZero.add(action);
                return;
            }
        }
        action.run();
    }

    public TimeScale scale() {
        return scale;
    }

    /** Milliseconds of scenario time now (0 before the zero). */
    public long ms() {
        return toMs(System.nanoTime());
    }

    /** Milliseconds of wall time since zero (what wall-clock timers such as DNS TTLs compare with). */
    public long wallMs() {
        long zero = zeroNanos;
        return zero == UNSTARTED ? 0 : (System.nanoTime() - zero) / 1_000_000;
    }

    /**
     * The {@link System#nanoTime()} reading at which scenario time {@code scenarioTime} falls (a
     * deadline for what must be over by then); the clock must be started.
     */
    public long nanoTimeAt(java.time.Duration scenarioTime) {
        long zero = zeroNanos;
        if (zero == UNSTARTED) {
            throw new IllegalStateException("the run clock has no zero yet");
        }
        return zero + scale.wall(scenarioTime).toNanos();
    }

    /** Scenario milliseconds of a {@link System#nanoTime()} reading (0 before the zero). */
    public long toMs(long nanoTime) {
        long zero = zeroNanos;
        if (zero == UNSTARTED) {
            return 0;
        }
        long elapsed = nanoTime - zero;
        return (scale.compressed() ? Math.round(elapsed * scale.factor()) : elapsed) / 1_000_000;
    }
}
