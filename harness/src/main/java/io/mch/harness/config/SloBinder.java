package io.mch.harness.config;

import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.reports.judge.LatencyScope;
import io.mch.reports.judge.SloTargets;
import io.mch.reports.judge.SloTargets.AvailabilityTarget;
import io.mch.reports.judge.SloTargets.LatencyTarget;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Fields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds a scenario's {@code slo:} section. Each SLO present must state its target (an SLO without
 * one could never fail, which would make a green run meaningless); an absent SLO is not judged.
 */
final class SloBinder {

    static final int DEFAULT_PERCENTILE = 99;

    private SloBinder() {}

    static Optional<SloTargets> bind(Cursor section, Optional<List<ClusterSpec>> clusters) {
        List<String> keys = new ArrayList<>(
                List.of("failover-time", "cross-cluster-latency", "config-consistency", "availability"));
        keys.addAll(SloTargets.FABRIC_FIGURES);
        return section.fields(keys)
                .flatMap(f -> {
                    Optional<Optional<Duration>> failover = present(f, "failover-time", SloBinder::failoverTime);
                    Optional<Optional<LatencyTarget>> latency = present(f, "cross-cluster-latency",
                            c -> latency(c, clusters));
                    Optional<Optional<Double>> consistency = present(f, "config-consistency", SloBinder::consistency);
                    Optional<Optional<AvailabilityTarget>> availability =
                            present(f, "availability", SloBinder::availability);
                    Map<String, Duration> measured = new LinkedHashMap<>();
                    boolean measuredValid = true;
                    for (String name : SloTargets.FABRIC_FIGURES) {
                        Optional<Optional<Duration>> max = present(f, name, SloBinder::failoverTime);
                        max.ifPresent(m -> m.ifPresent(d -> measured.put(name, d)));
                        measuredValid &= max.isPresent();
                    }
                    if (failover.isEmpty() || latency.isEmpty() || consistency.isEmpty() || availability.isEmpty()
                            || !measuredValid) {
                        return Optional.empty();
                    }
                    return Optional.of(new SloTargets(
                            failover.get(), latency.get(), consistency.get(), availability.get(), measured));
                });
    }

    /** Optional.of(target) when given and valid, Optional.of(empty) when absent, empty when invalid. */
    private static <T> Optional<Optional<T>> present(
            Fields f, String key, Function<Cursor, Optional<T>> read) {
        return f.get(key).map(c -> read.apply(c).map(Optional::of)).orElse(Optional.of(Optional.empty()));
    }

    /** {@code { max: DURATION }}: failover-time and every fabric figure. */
    private static Optional<Duration> failoverTime(Cursor section) {
        return section.fields(List.of("max")).flatMap(f -> f.required("max", Cursor::duration));
    }

    private static Optional<LatencyTarget> latency(Cursor section, Optional<List<ClusterSpec>> clusters) {
        return section.fields(List.of("percentile", "max", "pairs", "regions")).flatMap(f -> {
            Optional<Integer> percentile = f.optional("percentile", SloBinder::percentile, DEFAULT_PERCENTILE);
            Optional<Duration> max = f.required("max", Cursor::duration);
            Optional<LatencyScope> scope = LatencyScopeBinder.bind(f, clusters);
            return percentile.isPresent() && max.isPresent() && scope.isPresent()
                    ? Optional.of(new LatencyTarget(percentile.get(), max.get(), scope.get()))
                    : Optional.empty();
        });
    }

    /** A whole percentile in (0, 100]: {@link LatencyTarget} holds an int. */
    private static Optional<Integer> percentile(Cursor field) {
        return field.number().flatMap(p -> {
            if (p <= 0 || p > 100) {
                field.problem("percentile " + field.text().orElseThrow() + " is outside (0, 100]");
                return Optional.empty();
            }
            if (p != Math.rint(p)) {
                field.problem("percentile must be a whole number, found " + field.text().orElseThrow());
                return Optional.empty();
            }
            return Optional.of((int) Math.round(p));
        });
    }

    private static Optional<Double> consistency(Cursor section) {
        return section.fields(List.of("min")).flatMap(f -> f.required("min", Cursor::percent));
    }

    /** One incident an hour: beyond that a yearly downtime projection says nothing a failed run does not. */
    static final double MAX_INCIDENTS_PER_YEAR = 8_760;

    private static Optional<AvailabilityTarget> availability(Cursor section) {
        return section.fields(List.of("min", "incidents-per-year")).flatMap(f -> {
            Optional<Double> min = f.required("min", Cursor::percent);
            Optional<Double> incidents = f.optional("incidents-per-year",
                    c -> c.within(c.number(), 0.0, MAX_INCIDENTS_PER_YEAR, String::valueOf), SloTargets.DEFAULT_INCIDENTS_PER_YEAR);
            return min.isPresent() && incidents.isPresent()
                    ? Optional.of(new AvailabilityTarget(min.get(), incidents.get()))
                    : Optional.empty();
        });
    }
}
