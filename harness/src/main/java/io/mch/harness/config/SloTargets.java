package io.mch.harness.config;

import java.time.Duration;
import java.util.Optional;

/** The SLO targets a scenario states; an absent one is not judged. */
public record SloTargets(
        Optional<Duration> failoverTimeMax,
        Optional<LatencyTarget> crossClusterLatency,
        Optional<Double> configConsistencyMinPercent,
        Optional<AvailabilityTarget> availability) {

    public static SloTargets none() {
        return new SloTargets(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public record LatencyTarget(int percentile, Duration max) {}

    /** {@code incidentsPerYear} feeds the yearly downtime projection; default 4. */
    public record AvailabilityTarget(double minPercent, double incidentsPerYear) {}
}
