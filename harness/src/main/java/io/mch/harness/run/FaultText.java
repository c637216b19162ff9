package io.mch.harness.run;

import io.mch.faults.spec.FaultSpec;
import java.util.List;

/** One-line descriptions of faults, and the sides they separate, for the history, the console and the report. */
public final class FaultText {

    private FaultText() {}

    public static String describe(FaultSpec spec) {
        if (spec instanceof FaultSpec.Partition p) {
            return "partition " + p.between() + " " + arrow(p) + " " + p.and();
        }
        if (spec instanceof FaultSpec.Latency l) {
            return "latency +" + l.add().toMillis() + "ms ±" + l.jitter().toMillis() + "ms between "
                    + l.between() + " and " + l.and();
        }
        if (spec instanceof FaultSpec.NodeLoss n) {
            return "node-loss of " + n.count() + " node(s) in " + n.cluster();
        }
        return "cluster-loss of " + ((FaultSpec.ClusterLoss) spec).cluster();
    }

    /**
     * The two sides of a fault as {@link io.mch.reports.history.Event.FaultStarted} records them:
     * a partition's or latency's {@code between} and {@code and}; for a node or cluster loss, its
     * cluster and nothing.
     */
    public static Sides sides(FaultSpec spec) {
        if (spec instanceof FaultSpec.Partition p) {
            return new Sides(p.between(), p.and());
        }
        if (spec instanceof FaultSpec.Latency l) {
            return new Sides(l.between(), l.and());
        }
        if (spec instanceof FaultSpec.NodeLoss n) {
            return new Sides(List.of(n.cluster()), List.of());
        }
        return new Sides(List.of(((FaultSpec.ClusterLoss) spec).cluster()), List.of());
    }

    /** What a fault separates: {@code between} on one side, {@code and} on the other. */
    public record Sides(List<String> between, List<String> and) {}

    private static String arrow(FaultSpec.Partition p) {
        return switch (p.direction()) {
            case BOTH -> "<-x->";
            case TO -> "-x->";
            case FROM -> "<-x-";
        };
    }
}
