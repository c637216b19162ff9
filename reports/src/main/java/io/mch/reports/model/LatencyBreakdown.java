package io.mch.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How the cross-cluster latency SLO was judged, in {@code run.json}: which pairs its target covers
 * ({@code scope}), the warm-up left out at the start of traffic ({@code warmUpMs} of scenario time,
 * {@code warmUpLeftOut} successful probes), how many samples the judged percentile rests on and how
 * many it needs to be more than their maximum ({@code samplesNeeded}), and every pair with its own
 * value and verdict (pairs outside the scope are listed, not judged).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LatencyBreakdown(
        String scope,
        long warmUpMs,
        long warmUpLeftOut,
        long samples,
        long samplesNeeded,
        List<PairLatency> pairs) {

    public LatencyBreakdown {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /**
     * One directed pair: {@code judged} when the scope covers it; {@code value} its percentile of
     * successful probes after the warm-up; {@code verdict} null when not judged; {@code note} says
     * when its percentile is only the maximum of too few samples.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PairLatency(
            String source,
            String target,
            boolean judged,
            Double value,
            long samples,
            Verdict verdict,
            String note) {}
}
