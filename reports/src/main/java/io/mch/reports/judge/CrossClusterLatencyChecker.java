package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.SloTargets.LatencyTarget;
import io.mch.reports.model.LatencyBreakdown;
import io.mch.reports.model.LatencyBreakdown.PairLatency;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * cross-cluster-latency: a percentile of the latency of successful requests from a client in one
 * cluster to a service in another, over the pairs the target's {@link LatencyScope} covers, after
 * the run's {@link WarmUp}. The value is the percentile over the covered pairs' probes together;
 * each pair is also judged on its own percentile, and the SLO fails when either is beyond the
 * target, so one slow pair is never averaged away. Pairs outside the scope are listed, not judged.
 * Failed probes have no service latency and are left out (availability counts them); the detail
 * states how many. A percentile from fewer samples than it needs to be more than their maximum
 * ({@link Latencies#samplesNeeded}) says so. Percentiles are computed as the report computes them
 * ({@link Latencies}).
 */
public final class CrossClusterLatencyChecker implements Checker {

    public static final String NAME = "cross-cluster-latency";

    private static final Comparator<List<String>> BY_NAMES =
            Comparator.comparing((List<String> pair) -> pair.get(0)).thenComparing(pair -> pair.get(1));

    private final int percentile;
    private final LatencyScope scope;
    private final Slo slo;

    public CrossClusterLatencyChecker(LatencyTarget target) {
        this.percentile = target.percentile();
        this.scope = target.scope();
        this.slo = new Slo(NAME, percentile, "ms", Target.maxDuration(target.max()));
    }

    /** Over all pairs. */
    public CrossClusterLatencyChecker(int percentile, Duration max) {
        this(new LatencyTarget(percentile, max));
    }

    @Override
    public Slo slo() {
        return slo;
    }

    @Override
    public SloResult check(History history) {
        Map<String, String> regionOf = new TreeMap<>();
        history.start().ifPresent(s -> s.clusters().forEach(c -> regionOf.put(c.name(), c.region())));
        long failed = history.crossClusterProbes().stream().filter(p -> !p.ok()).count();
        long warmUpEnd = WarmUp.endMs(history);
        long leftOut = history.crossClusterProbes().stream().filter(p -> p.ok() && p.tMs() < warmUpEnd).count();
        List<Event.Probe> after = WarmUp.crossClusterAfter(history);
        long needed = Latencies.samplesNeeded(percentile);
        Map<List<String>, List<Event.Probe>> byPair = after.stream().collect(Collectors.groupingBy(
                p -> List.of(p.source(), p.target()), () -> new TreeMap<>(BY_NAMES), Collectors.toList()));
        List<PairLatency> pairs = new ArrayList<>();
        List<Event.Probe> judged = new ArrayList<>();
        byPair.forEach((pair, probes) -> {
            boolean covered = scope.covers(pair.get(0), pair.get(1), regionOf);
            double value = Latencies.of(probes).percentileMs(percentile);
            pairs.add(new PairLatency(pair.get(0), pair.get(1), covered, value, probes.size(),
                    covered ? (slo.target().allows(value) ? Verdict.PASS : Verdict.FAIL) : null,
                    probes.size() < needed ? fewSamples(probes.size(), needed) : null));
            if (covered) {
                judged.addAll(probes);
            }
        });
        String warmUp = "warm-up: the first " + Times.seconds(WarmUp.scenarioMs(history))
                + " of traffic left out (" + leftOut + " ok probes)";
        LatencyBreakdown breakdown = new LatencyBreakdown(scope.text(), WarmUp.scenarioMs(history), leftOut,
                judged.size(), needed, pairs);
        if (judged.isEmpty()) {
            String why = after.isEmpty() ? "no successful cross-cluster probe after the warm-up (" + failed + " failed)"
                    : "no probed pair is among " + scope.text() + " (" + describe(pairs, regionOf) + ")";
            return slo.result(null, Verdict.UNKNOWN, why + "; " + warmUp, breakdown);
        }
        double value = Latencies.of(judged).percentileMs(percentile);
        List<PairLatency> failing = pairs.stream().filter(p -> p.verdict() == Verdict.FAIL).toList();
        Verdict verdict = slo.target().allows(value) && failing.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        String detail = "p" + percentile + " over " + scope.text() + ": " + judged.size() + " ok probes"
                + (judged.size() < needed ? " (" + fewSamples(judged.size(), needed) + ")" : "")
                + ", " + failed + " failed (not in the percentile); " + warmUp + "; ms by pair: "
                + pairs.stream().map(this::pairText).collect(Collectors.joining(", "));
        return slo.result(value, verdict, detail, breakdown);
    }

    private String pairText(PairLatency p) {
        return p.source() + "→" + p.target() + " p" + percentile + " " + p.value() + " (" + p.samples() + ") "
                + (p.verdict() == null ? "not judged" : p.verdict().name()) + (p.note() == null ? "" : ", " + p.note());
    }

    private String fewSamples(long samples, long needed) {
        return "p" + percentile + " of " + samples + " samples is their maximum: it needs " + needed;
    }

    private static String describe(List<PairLatency> pairs, Map<String, String> regionOf) {
        return pairs.stream().map(p -> p.source() + " (" + regionOf.getOrDefault(p.source(), "?") + ")→"
                + p.target() + " (" + regionOf.getOrDefault(p.target(), "?") + ")").collect(Collectors.joining(", "));
    }

    /** The percentile of successful probes' latency in ms, by source cluster then target cluster. */
    public static Map<String, Map<String, Double>> matrix(History history, int percentile) {
        Map<String, Map<String, Double>> matrix = new TreeMap<>();
        Latencies.byPair(history).forEach((source, byTarget) -> {
            Map<String, Double> row = new TreeMap<>();
            byTarget.forEach((target, latencies) -> row.put(target, latencies.percentileMs(percentile)));
            matrix.put(source, row);
        });
        return matrix;
    }
}
