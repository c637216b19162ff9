package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * cross-cluster-latency: a percentile of the latency of successful requests from a client in one
 * cluster to a service in another, over all pairs, with each pair's percentiles in the detail.
 * Failed probes have no service latency and are left out (availability counts them); the detail
 * states how many. Percentiles are computed as the report computes them ({@link Latencies}).
 */
public final class CrossClusterLatencyChecker implements Checker {

    public static final String NAME = "cross-cluster-latency";

    private final int percentile;
    private final Slo slo;

    public CrossClusterLatencyChecker(int percentile, Duration max) {
        this.percentile = percentile;
        this.slo = new Slo(NAME, percentile, "ms", Target.maxDuration(max));
    }

    @Override
    public Slo slo() {
        return slo;
    }

    @Override
    public SloResult check(History history) {
        List<Event.Probe> probes = history.crossClusterProbes();
        List<Event.Probe> ok = probes.stream().filter(Event.Probe::ok).toList();
        long failed = probes.size() - ok.size();
        if (ok.isEmpty()) {
            return slo.unknown(
                    "no successful cross-cluster probe (" + failed + " failed)");
        }
        double value = valueAt(ok, percentile);
        String pairs = byPair(ok).entrySet().stream()
                .map(e -> e.getKey() + " p50 " + valueAt(e.getValue(), 50) + " p" + percentile + " "
                        + valueAt(e.getValue(), percentile) + " (" + e.getValue().size() + ")")
                .collect(Collectors.joining(", "));
        String detail = ok.size() + " ok cross-cluster probes, " + failed + " failed (not in the percentile); "
                + "ms by pair: " + pairs;
        return slo.judged(value, detail);
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

    private static Map<String, List<Event.Probe>> byPair(List<Event.Probe> probes) {
        return probes.stream().collect(Collectors.groupingBy(
                p -> p.source() + "→" + p.target(), TreeMap::new, Collectors.toList()));
    }

    private static double valueAt(List<Event.Probe> probes, int percentile) {
        return Latencies.of(probes).percentileMs(percentile);
    }
}
