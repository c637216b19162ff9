package io.mch.harness.run;

import io.mch.faults.spec.FaultSpec;
import io.mch.harness.fault.registry.FaultTypes;
import java.util.List;

/**
 * One-line descriptions of faults, and the sides they separate, for the history, the console and
 * the report; each fault type says its own (see {@link io.mch.harness.fault.FaultType}).
 */
public final class FaultText {

    private FaultText() {}

    public static String describe(FaultSpec spec) {
        return FaultTypes.BUILT_IN.of(spec).describe();
    }

    /**
     * The two sides of a fault as {@link io.mch.reports.history.Event.FaultStarted} records them:
     * a partition's or latency's {@code between} and {@code and}; for a node or cluster loss, its
     * cluster and nothing.
     */
    public static Sides sides(FaultSpec spec) {
        io.mch.harness.fault.Sides sides = FaultTypes.BUILT_IN.of(spec).sides();
        return new Sides(sides.between(), sides.and());
    }

    /** What a fault separates: {@code between} on one side, {@code and} on the other. */
    public record Sides(List<String> between, List<String> and) {}
}
