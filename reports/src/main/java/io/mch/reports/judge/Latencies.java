package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles as every reader of a history computes them: the cross-cluster latency SLO,
 * the report's latency matrix and its per-pair chart all take them from here, so the value a
 * verdict was judged on is the value the report shows.
 *
 * <p>Probe latencies are already measured from each probe's intended send time on its
 * constant-rate schedule (see {@link Event.Probe}), which corrects for coordinated omission: a
 * stalled path delays the probes queued behind it and they are recorded as slow. They are therefore
 * recorded as they are, without HdrHistogram's expected-interval correction, which would count the
 * stall twice. Values are recorded in microseconds with {@value #SIGNIFICANT_DIGITS} significant
 * digits and reported in milliseconds to one decimal.
 */
public final class Latencies {

    private static final int SIGNIFICANT_DIGITS = 4;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);

    private Latencies() {}

    /** The latencies of these probes, whatever their outcome: callers choose which probes count. */
    public static Latencies of(Collection<Event.Probe> probes) {
        Latencies latencies = new Latencies();
        probes.forEach(p -> latencies.add(p.latencyMs()));
        return latencies;
    }

    /**
     * The successful cross-cluster probes of a history after its {@link WarmUp}, by source cluster,
     * then target cluster, both in name order. Failed probes have no service latency (their latency
     * is their timeout, which availability counts), so they are left out.
     */
    public static Map<String, Map<String, Latencies>> byPair(History history) {
        Map<String, Map<String, Latencies>> pairs = new TreeMap<>();
        WarmUp.crossClusterAfter(history).forEach(p -> pairs
                .computeIfAbsent(p.source(), s -> new TreeMap<>())
                .computeIfAbsent(p.target(), t -> new Latencies())
                .add(p.latencyMs()));
        return pairs;
    }

    /** The latency in ms, to 0.1 ms, at or below which {@code percentile} % of the samples lie. */
    public double percentileMs(int percentile) {
        return Math.round(histogram.getValueAtPercentile(percentile) / 100.0) / 10.0;
    }

    /**
     * How many samples a percentile needs to be more than their maximum: below {@code 100 / (100 - p)}
     * samples the p-th percentile is the largest sample (a p99 of 30 probes is their maximum).
     */
    public static long samplesNeeded(int percentile) {
        return percentile >= 100 ? 1 : (long) Math.ceil(100.0 / (100 - percentile));
    }

    /** How many latencies were recorded. */
    public long count() {
        return histogram.getTotalCount();
    }

    private void add(double latencyMs) {
        histogram.recordValue(Math.max(0, Math.round(latencyMs * 1000)));
    }
}
