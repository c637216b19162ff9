package io.mch.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One SLO judged against its target, in the shape of {@code run.json}'s {@code slos} entries.
 * {@code value} is null when nothing finite was measured; {@code detail} says how it was measured
 * (resolution, sample counts) or why it is UNKNOWN.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SloResult(
        String name,
        Integer percentile,
        Double value,
        String unit,
        String target,
        Verdict verdict,
        String detail) {}
