package io.mch.harness.config;

import java.time.Duration;
import java.util.List;

/**
 * A scenario's {@code explore:} section: the space of fault schedules a chaos search draws from.
 * It lives beside the scenario's own fault list so that the same file is both a plain scenario and
 * the seed of a search, and a shrunk finding can be written back as a scenario of the same shape.
 *
 * @param faultTypes fault types to draw ({@code partition}, {@code latency}, {@code node-loss},
 *     {@code cluster-loss})
 * @param targets the clusters a fault may hit
 * @param maxFaults at most this many faults per schedule (at least one)
 * @param window fault starts are drawn from {@code [min, max)}
 * @param duration fault lengths are drawn from {@code [min, max]}
 * @param nodes node-loss counts are drawn from {@code [min, max]} (capped by the cluster's nodes)
 * @param latency added latency is drawn from {@code [min, max]}
 * @param tries the default try budget of {@code mch explore}
 */
public record ExploreSpec(
        List<String> faultTypes,
        List<String> targets,
        int maxFaults,
        Range<Duration> window,
        Range<Duration> duration,
        Range<Integer> nodes,
        Range<Duration> latency,
        int tries) {

    public ExploreSpec {
        faultTypes = List.copyOf(faultTypes);
        targets = List.copyOf(targets);
    }

    /** A closed range (the window is half-open: a fault must start before the scenario ends). */
    public record Range<T extends Comparable<T>>(T min, T max) {}
}
