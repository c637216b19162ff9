package io.mch.reports.judge;

import io.mch.reports.history.Event;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which cross-cluster pairs a latency target judges. A target such as "&lt; 50 ms (regional)" is
 * about traffic inside a region, not about the speed of light between oceans, so a target names
 * its traffic: every pair, the pairs inside one region, the pairs inside a named group of regions,
 * or named cluster pairs (either direction). A target that names none judges every pair, as it
 * always has.
 */
public record LatencyScope(Kind kind, List<String> regions, List<List<String>> pairs) {

    /** The kinds of scope, as a scenario writes them. */
    public enum Kind {
        ALL,
        SAME_REGION,
        REGIONS,
        PAIRS;

        /** {@code all}, {@code same-region}, {@code regions}, {@code pairs}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public LatencyScope {
        Objects.requireNonNull(kind, "kind");
        regions = List.copyOf(regions);
        pairs = pairs.stream().map(List::copyOf).toList();
    }

    public static LatencyScope all() {
        return new LatencyScope(Kind.ALL, List.of(), List.of());
    }

    public static LatencyScope sameRegion() {
        return new LatencyScope(Kind.SAME_REGION, List.of(), List.of());
    }

    /** The pairs whose two clusters both lie in these regions. */
    public static LatencyScope regions(List<String> regions) {
        return new LatencyScope(Kind.REGIONS, regions, List.of());
    }

    /** These cluster pairs, each in both directions. */
    public static LatencyScope pairs(List<List<String>> pairs) {
        return new LatencyScope(Kind.PAIRS, List.of(), pairs);
    }

    /** Whether probes from {@code source} to {@code target} count; {@code regionOf} maps cluster to region. */
    public boolean covers(String source, String target, Map<String, String> regionOf) {
        String a = regionOf.get(source);
        String b = regionOf.get(target);
        return switch (kind) {
            case ALL -> true;
            case SAME_REGION -> a != null && a.equals(b);
            case REGIONS -> a != null && b != null && regions.contains(a) && regions.contains(b);
            case PAIRS -> pairs.stream().anyMatch(p -> p.equals(List.of(source, target))
                    || p.equals(List.of(target, source)));
        };
    }

    /** As the report words it: {@code all pairs}, {@code same-region pairs}, ... */
    public String text() {
        return switch (kind) {
            case ALL -> "all pairs";
            case SAME_REGION -> "same-region pairs";
            case REGIONS -> "pairs within regions " + String.join(", ", regions);
            case PAIRS -> "pairs " + pairs.stream().map(p -> String.join("↔", p)).collect(Collectors.joining(", "));
        };
    }

    /** As the history's run-started event records it. */
    public Event.LatencyScope recorded() {
        return new Event.LatencyScope(kind.text(), regions, pairs);
    }

    /** The scope a history recorded; none recorded (older histories) judges all pairs. */
    public static LatencyScope of(Event.LatencyScope recorded) {
        if (recorded == null || recorded.kind() == null) {
            return all();
        }
        for (Kind k : Kind.values()) {
            if (k.text().equals(recorded.kind())) {
                return new LatencyScope(k, recorded.regions(), recorded.pairs());
            }
        }
        throw new IllegalArgumentException("unknown latency scope '" + recorded.kind() + "'");
    }
}
