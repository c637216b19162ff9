package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Fields;
import io.mch.harness.input.Quantities;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Binds a scenario's {@code load:} section: a constant {@code rate} or a {@code ramp} (exactly
 * one), an optional start {@code at} (default 0) inside the scenario and a {@code duration}
 * (default: the rest of the scenario) that must end by the scenario's end. The load goes through
 * the global endpoint, so the topology must have a global load balancer. Checks that need an
 * invalid duration or topology are skipped rather than guessed.
 */
final class LoadBinder {

    static final List<String> FIELDS = List.of("rate", "ramp", "at", "duration");

    private LoadBinder() {}

    static Optional<Scenario.Load> bind(Cursor section, Optional<Duration> scenarioDuration, Optional<Topology> topology) {
        return section.fields(FIELDS).flatMap(f -> {
            if (topology.isPresent() && topology.get().fabric().globalLoadBalancer().isEmpty()) {
                section.problem("load goes through the global endpoint, but topology '" + topology.get().name()
                        + "' has no fabric.global-load-balancer");
                return Optional.empty();
            }
            Optional<double[]> rates = rates(f);
            Optional<Duration> at = f.optional("at", c -> c.duration().filter(a -> startsInRun(c, a, scenarioDuration)),
                    Duration.ZERO);
            Optional<Optional<Duration>> length = f.get("duration")
                    .map(c -> c.positive(c.duration())
                            .filter(d -> at.isEmpty() || endsInRun(c, at.get(), d, scenarioDuration))
                            .map(Optional::of))
                    .orElse(Optional.of(Optional.empty()));
            if (rates.isEmpty() || at.isEmpty() || length.isEmpty() || scenarioDuration.isEmpty()) {
                return Optional.empty();
            }
            Duration duration = length.get().orElse(scenarioDuration.get().minus(at.get()));
            return Optional.of(new Scenario.Load(rates.get()[0], rates.get()[1], at.get(), duration));
        });
    }

    /** {from, to} per second: equal for {@code rate}. */
    private static Optional<double[]> rates(Fields load) {
        boolean rate = load.has("rate");
        boolean ramp = load.has("ramp");
        if (rate == ramp) {
            load.self().problem(rate
                    ? "give either rate or ramp, not both"
                    : "no load profile; give rate (e.g. 100/s) or ramp (e.g. { from: 10/s, to: 200/s })");
            return Optional.empty();
        }
        if (rate) {
            return load.required("rate", Cursor::ratePerSecond).map(r -> new double[] {r, r});
        }
        return load.require("ramp").flatMap(c -> c.fields(List.of("from", "to"))).flatMap(r -> {
            Optional<Double> from = r.required("from", Cursor::ratePerSecond);
            Optional<Double> to = r.required("to", Cursor::ratePerSecond);
            return from.isPresent() && to.isPresent()
                    ? Optional.of(new double[] {from.get(), to.get()})
                    : Optional.empty();
        });
    }

    /** Whether {@code at} (a fault's, step's or load's start) falls before the scenario's end; a problem if not. */
    static boolean startsInRun(Cursor atField, Duration at, Optional<Duration> scenarioDuration) {
        if (scenarioDuration.isPresent() && at.compareTo(scenarioDuration.get()) >= 0) {
            atField.problem(Quantities.format(at) + " is not before the end of the scenario (duration "
                    + Quantities.format(scenarioDuration.get()) + ")");
            return false;
        }
        return true;
    }

    private static boolean endsInRun(Cursor durationField, Duration at, Duration length, Optional<Duration> scenarioDuration) {
        Duration end = at.plus(length);
        if (scenarioDuration.isPresent() && end.compareTo(scenarioDuration.get()) > 0) {
            durationField.problem("the load would end at " + Quantities.format(end)
                    + ", after the scenario ends (duration " + Quantities.format(scenarioDuration.get())
                    + "); shorten it, or omit 'duration' to load until the end");
            return false;
        }
        return true;
    }
}
