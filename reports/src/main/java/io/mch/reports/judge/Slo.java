package io.mch.reports.judge;

import io.mch.reports.model.LatencyBreakdown;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;

/**
 * One SLO as a checker judges it: its name, unit and target, and the shape of its results in
 * {@code run.json}, so every checker words and judges its results the same way.
 */
public record Slo(String name, Integer percentile, String unit, Target target) {

    /** A measured value, judged against the target. */
    public SloResult judged(double value, String detail) {
        return result(value, target.allows(value) ? Verdict.PASS : Verdict.FAIL, detail);
    }

    /** The history cannot decide. */
    public SloResult unknown(String detail) {
        return result(null, Verdict.UNKNOWN, detail);
    }

    public SloResult result(Double value, Verdict verdict, String detail) {
        return result(value, verdict, detail, null);
    }

    /** With the cross-cluster latency SLO's breakdown by pair. */
    public SloResult result(Double value, Verdict verdict, String detail, LatencyBreakdown latency) {
        return new SloResult(name, percentile, value, unit, target == null ? null : target.text(), verdict, detail,
                latency);
    }
}
