package io.mch.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One SLO judged against its target, in the shape of {@code run.json}'s {@code slos} entries.
 * {@code value} is null when nothing finite was measured; {@code detail} says how it was measured
 * (resolution, sample counts) or why it is UNKNOWN. {@code latency} is the cross-cluster latency
 * SLO's breakdown (its scope, warm-up, samples and each pair's verdict), null for the others.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SloResult(
        String name,
        Integer percentile,
        Double value,
        String unit,
        String target,
        Verdict verdict,
        String detail,
        LatencyBreakdown latency) {

    /** A result without a latency breakdown. */
    public SloResult(String name, Integer percentile, Double value, String unit, String target, Verdict verdict,
            String detail) {
        this(name, percentile, value, unit, target, verdict, detail, null);
    }

    /** The same measurement with another verdict and detail (a rule that overrules the checker). */
    public SloResult with(Verdict verdict, String detail) {
        return new SloResult(name, percentile, value, unit, target, verdict, detail, latency);
    }
}
