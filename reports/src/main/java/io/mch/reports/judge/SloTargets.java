package io.mch.reports.judge;

import io.mch.reports.history.Event;
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

    /** Incidents a year the availability projection assumes when a scenario states none. */
    public static final double DEFAULT_INCIDENTS_PER_YEAR = 4;


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

    /** The targets as the history's run-started event records them. */
    public Event.SloTargets recorded() {
        Map<String, Long> measured = new LinkedHashMap<>();
        measuredMax.forEach((name, max) -> measured.put(name, max.toMillis()));
        return new Event.SloTargets(
                failoverTimeMax.map(Duration::toMillis).orElse(null),
                crossClusterLatency.map(LatencyTarget::percentile).orElse(null),
                crossClusterLatency.map(t -> t.max().toMillis()).orElse(null),
                configConsistencyMinPercent.orElse(null),
                availability.map(AvailabilityTarget::minPercent).orElse(null),
                availability.map(AvailabilityTarget::incidentsPerYear).orElse(null),
                measured,
                crossClusterLatency.map(t -> t.scope().recorded()).orElse(null));
    }

    /** The targets a history recorded (see {@link #recorded()}). */
    public static SloTargets of(Event.SloTargets recorded) {
        Map<String, Duration> measured = new LinkedHashMap<>();
        recorded.measuredMaxMs().forEach((name, ms) -> measured.put(name, Duration.ofMillis(ms)));
        Optional<Integer> percentile = Optional.ofNullable(recorded.latencyPercentile());
        return new SloTargets(
                Optional.ofNullable(recorded.failoverTimeMaxMs()).map(Duration::ofMillis),
                Optional.ofNullable(recorded.latencyMaxMs())
                        .flatMap(ms -> percentile.map(p -> new LatencyTarget(p, Duration.ofMillis(ms),
                                LatencyScope.of(recorded.latencyScope())))),
                Optional.ofNullable(recorded.configConsistencyMinPercent()),
                Optional.ofNullable(recorded.availabilityMinPercent()).map(min -> new AvailabilityTarget(min,
                        Optional.ofNullable(recorded.incidentsPerYear()).orElse(DEFAULT_INCIDENTS_PER_YEAR))),
                measured);
    }

    /** A percentile's ceiling over the cross-cluster pairs {@code scope} covers. */
    public record LatencyTarget(int percentile, Duration max, LatencyScope scope) {

        /** Over all pairs: what a target without a scope has always meant. */
        public LatencyTarget(int percentile, Duration max) {
            this(percentile, max, LatencyScope.all());
        }
    }

    /** {@code incidentsPerYear} feeds the yearly downtime projection; default 4. */
    public record AvailabilityTarget(double minPercent, double incidentsPerYear) {}
}
