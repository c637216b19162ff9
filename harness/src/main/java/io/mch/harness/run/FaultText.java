package io.mch.harness.run;

import io.mch.faults.spec.FaultSpec;

/** One-line descriptions of faults for the history, the console and the report. */
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

    private static String arrow(FaultSpec.Partition p) {
        return switch (p.direction()) {
            case BOTH -> "<-x->";
            case TO -> "-x->";
            case FROM -> "<-x-";
        };
    }
}
