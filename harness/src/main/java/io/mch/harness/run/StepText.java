package io.mch.harness.run;

import io.mch.harness.config.Step;

/** How a step reads in the event log and on the console. */
final class StepText {

    private StepText() {}

    static String describe(Step step) {
        if (step instanceof Step.Commit c) {
            return commit(c);
        }
        if (step instanceof Step.Sync s) {
            return commit(s.commit()) + ", measured until every target has it";
        }
        if (step instanceof Step.Drift d) {
            String object = d.objectKind() + "/" + d.namespace() + "/" + d.name();
            return (d.delete() ? "delete " + object : "edit " + object + " (" + d.patch().orElseThrow() + ")")
                    + " on " + d.cluster() + " by hand";
        }
        if (step instanceof Step.Federate f) {
            return f.cluster() + " joins the fleet";
        }
        if (step instanceof Step.Connect c) {
            return c.cluster() + " joins the mesh";
        }
        if (step instanceof Step.Replicate r) {
            return "replicate " + r.from() + " to " + r.to() + " now";
        }
        if (step instanceof Step.Failover f) {
            return "planned failover: promote " + f.to();
        }
        throw new IllegalArgumentException("unknown step " + step);
    }

    private static String commit(Step.Commit c) {
        return "commit to " + c.application() + ": " + c.op().name().toLowerCase() + " " + c.file();
    }
}
