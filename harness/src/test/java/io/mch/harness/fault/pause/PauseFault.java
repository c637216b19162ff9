package io.mch.harness.fault.pause;

import io.mch.faults.Heal;
import io.mch.faults.spec.FaultSpec;
import io.mch.harness.fault.FaultDraws;
import io.mch.harness.fault.FaultTargets;
import io.mch.harness.fault.FaultType;
import io.mch.harness.fault.Injectors;
import io.mch.harness.fault.Shrink;
import io.mch.harness.fault.Sides;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Quantities;
import io.mch.harness.runtime.TimeScale;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fault type that exists only in the tests, to show what a new type takes: this one package,
 * and {@code FaultTypes.BUILT_IN.with(new PauseFault())} where a built-in type would add one line
 * to the registry. {@code pause: {cluster, stall}} would hold every request to a cluster's API for
 * {@code stall}; it is bound, described, scaled, drawn, shrunk and written like any type, and
 * refuses to be injected, since no backend implements it.
 */
public final class PauseFault implements FaultType<PauseFault.Pause> {

    /** A cluster's API answers nothing for {@code stall}. */
    public record Pause(String cluster, Duration stall) implements FaultSpec {
        @Override
        public String type() {
            return "pause";
        }
    }

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public Class<Pause> specClass() {
        return Pause.class;
    }

    @Override
    public Optional<Pause> bind(Cursor body, FaultTargets targets) {
        return body.fields(List.of("cluster", "stall")).flatMap(f -> {
            Optional<String> cluster = f.required("cluster", targets::cluster);
            Optional<Duration> stall = f.required("stall", c -> c.positive(c.duration()));
            return cluster.isPresent() && stall.isPresent()
                    ? Optional.of(new Pause(cluster.get(), stall.get()))
                    : Optional.empty();
        });
    }

    @Override
    public String describe(Pause p) {
        return "pause of " + p.cluster() + " for " + Quantities.format(p.stall());
    }

    @Override
    public Sides sides(Pause p) {
        return Sides.of(p.cluster());
    }

    @Override
    public Pause wall(Pause p, TimeScale scale) {
        return new Pause(p.cluster(), scale.wall(p.stall()));
    }

    /** A stall is drawn like added latency. */
    @Override
    public Pause draw(String target, FaultDraws draws) {
        return new Pause(target, draws.latency());
    }

    @Override
    public List<Shrink<Pause>> shrinks() {
        return List.of(new Shrink<>("stall",
                p -> p.stall().compareTo(Duration.ofMillis(2)) < 0
                        ? Optional.empty()
                        : Optional.of(new Pause(p.cluster(), p.stall().dividedBy(2))),
                p -> Quantities.format(p.stall())));
    }

    @Override
    public Map<String, Object> yaml(Pause p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cluster", p.cluster());
        body.put("stall", Quantities.format(p.stall()));
        return body;
    }

    @Override
    public Optional<String> destroys(Pause p) {
        return Optional.empty();
    }

    @Override
    public Heal inject(Pause p, Injectors injectors) {
        throw new UnsupportedOperationException("pause is a test-only fault type; no backend injects it");
    }
}
