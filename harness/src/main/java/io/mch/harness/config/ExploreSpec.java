package io.mch.harness.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's {@code explore:} section: the space of fault schedules a chaos search draws from.
 * It lives beside the scenario's own fault list so that the same file is both a plain scenario and
 * the seed of a search, and a shrunk finding can be written back as a scenario of the same shape.
 *
 * @param faultTypes fault types to draw ({@code partition}, {@code latency}, {@code node-loss},
 *     {@code cluster-loss}), each with the clusters it may hit (empty: any of {@code targets});
 *     written {@code faults: [node-loss, { cluster-loss: [us-east] }]}
 * @param targets the clusters a fault may hit unless its type names its own
 * @param maxFaults at most this many faults per schedule (at least one)
 * @param window fault starts are drawn from {@code [min, max)}
 * @param duration fault lengths are drawn from {@code [min, max]}
 * @param nodes node-loss counts are drawn from {@code [min, max]} (capped by the cluster's nodes)
 * @param latency added latency is drawn from {@code [min, max]}
 * @param tries the default try budget of {@code mch explore}
 */
public record ExploreSpec(
        Map<String, List<String>> faultTypes,
        List<String> targets,
        int maxFaults,
        Range<Duration> window,
        Range<Duration> duration,
        Range<Integer> nodes,
        Range<Duration> latency,
        int tries) {

    /** Each try is a whole run: a thousand runs of a minute already take most of a day. */
    public static final int MAX_TRIES = 1_000;

    public ExploreSpec {
        faultTypes = new LinkedHashMap<>(faultTypes);
        faultTypes.replaceAll((type, clusters) -> List.copyOf(clusters));
        faultTypes = java.util.Collections.unmodifiableMap(faultTypes);
        targets = List.copyOf(targets);
    }

    /** The clusters faults of {@code type} may hit. */
    public List<String> targets(String type) {
        List<String> own = faultTypes.getOrDefault(type, List.of());
        return own.isEmpty() ? targets : own;
    }

    /** A closed range (the window is half-open: a fault must start before the scenario ends). */
    public record Range<T extends Comparable<T>>(T min, T max) {}
}
