package io.mch.harness.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * Time compression: a run at factor K lets every timer of the scenario (faults, health checks,
 * DNS TTLs, region RTTs, Kubernetes and simulator intervals, probe timeouts) run K times faster on
 * the wall clock, while the {@link RunClock} and every measurement stay in scenario time (wall ×
 * K). One place converts, so a scenario keeps meaning the same thing at any K; what it costs is
 * resolution, since the probes keep their wall rate and so are K times sparser in scenario time.
 */
public record TimeScale(double factor) {

    /** Real time: nothing is compressed. */
    public static final TimeScale REAL = new TimeScale(1);

    public TimeScale {
        if (!(factor >= 1) || factor > 1000) {
            throw new IllegalArgumentException("the time scale must be between 1 and 1000, was " + factor);
        }
    }

    public boolean compressed() {
        return factor != 1;
    }

    /** The wall-clock length of a scenario duration. */
    public Duration wall(Duration scenario) {
        return Duration.ofNanos(Math.round(scenario.toNanos() / factor));
    }

    /** Wall milliseconds for scenario milliseconds. */
    public long wallMs(long scenarioMs) {
        return Math.round(scenarioMs / factor);
    }

    /** Scenario milliseconds for wall milliseconds. */
    public double scenarioMs(double wallMs) {
        return wallMs * factor;
    }

    /** The scenario-time length of a wall duration (a probe interval at its wall rate). */
    public Duration scenario(Duration wall) {
        return Duration.ofNanos(Math.round(wall.toNanos() * factor));
    }

    /** The factor as a command-line argument: {@code 20}, {@code 2.5}. */
    public String argument() {
        return factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor);
    }

    /** How the scale reads on the console and in docs: {@code ×20}. */
    @Override
    public String toString() {
        return "×" + argument();
    }

    /** Parses a command-line value. */
    public static Optional<TimeScale> parse(double factor) {
        try {
            return Optional.of(new TimeScale(factor));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
