package io.mch.reports.judge;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLO targets a scenario states; an absent one is not judged. {@code measuredMax} holds the
 * ceilings on fabric figures ({@code rpo}, {@code rto}, {@code replication-lag}, ...), in the
 * order the scenario lists them. The judge owns this type, not the scenario loader that binds it,
 * so a history can be judged again without the harness.
 */
public record SloTargets(
        Optional<Duration> failoverTimeMax,
        Optional<LatencyTarget> crossClusterLatency,
        Optional<Double> configConsistencyMinPercent,
        Optional<AvailabilityTarget> availability,
        Map<String, Duration> measuredMax) {

    /** The fabric figures a scenario may put a ceiling on. */
    public static final List<String> FABRIC_FIGURES = List.of("rpo", "rto", "replication-lag", "convergence-time",
            "sync-time", "federate-time", "connect-time", "replicate-time", "failover-drill-time");

    public SloTargets {
        measuredMax = Collections.unmodifiableMap(new LinkedHashMap<>(measuredMax));
    }

    /** The four SLOs of the seed, without fabric figures. */
    public SloTargets(Optional<Duration> failoverTimeMax, Optional<LatencyTarget> crossClusterLatency,
            Optional<Double> configConsistencyMinPercent, Optional<AvailabilityTarget> availability) {
        this(failoverTimeMax, crossClusterLatency, configConsistencyMinPercent, availability, Map.of());
    }

    public static SloTargets none() {
        return new SloTargets(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public record LatencyTarget(int percentile, Duration max) {}

    /** {@code incidentsPerYear} feeds the yearly downtime projection; default 4. */
    public record AvailabilityTarget(double minPercent, double incidentsPerYear) {}
}
