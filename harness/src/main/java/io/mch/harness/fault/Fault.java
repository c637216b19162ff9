package io.mch.harness.fault;

import io.mch.faults.Heal;
import io.mch.faults.spec.FaultSpec;
import io.mch.harness.runtime.TimeScale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spec together with its type, so callers that hold any {@link FaultSpec} reach the type's
 * concerns with the spec's own class; made by
 * {@link io.mch.harness.fault.registry.FaultTypes#of}, which checks the class once.
 */
public record Fault<S extends FaultSpec>(FaultType<S> type, S spec) {

    public String describe() {
        return type.describe(spec);
    }

    public Sides sides() {
        return type.sides(spec);
    }

    public FaultSpec wall(TimeScale scale) {
        return type.wall(spec, scale);
    }

    public Map<String, Object> yaml() {
        return type.yaml(spec);
    }

    public Optional<String> destroys() {
        return type.destroys(spec);
    }

    public Heal inject(Injectors injectors) {
        return type.inject(spec, injectors);
    }

    /** The names of the type's shrink steps, in order. */
    public List<String> shrinkSteps() {
        return type.shrinks().stream().map(Shrink::name).toList();
    }

    /** The spec one {@code step} smaller; empty when the step cannot go further. */
    public Optional<FaultSpec> smaller(String step) {
        return shrink(step).smaller().apply(spec).map(FaultSpec.class::cast);
    }

    /** The quantity {@code step} changes, as a shrink's log prints it. */
    public String measure(String step) {
        return shrink(step).measure().apply(spec);
    }

    private Shrink<S> shrink(String step) {
        return type.shrinks().stream().filter(s -> s.name().equals(step)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.name() + " has no shrink step '" + step + "'"));
    }
}
