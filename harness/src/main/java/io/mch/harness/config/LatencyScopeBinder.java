package io.mch.harness.config;

import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Fields;
import io.mch.reports.judge.LatencyScope;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Binds which cross-cluster pairs a latency target judges: {@code pairs: same-region | all}, or
 * {@code pairs: [[CLUSTER, CLUSTER], ...]} (named pairs, either direction), or
 * {@code regions: [REGION, ...]} (the pairs whose two clusters both lie in the group). Absent, the
 * target judges all pairs, as a target without a scope always has. Named clusters and regions must
 * be the topology's. A scope that covers no pair the run probes is judged UNKNOWN, with the reason
 * (a regional target on a topology whose clusters are all in different regions has nothing to judge).
 */
final class LatencyScopeBinder {

    private LatencyScopeBinder() {}

    /** The scope of the {@code cross-cluster-latency} mapping {@code f}; empty when invalid. */
    static Optional<LatencyScope> bind(Fields f, Optional<List<ClusterSpec>> clusters) {
        Optional<Cursor> pairs = f.get("pairs");
        Optional<Cursor> regions = f.get("regions");
        if (pairs.isPresent() && regions.isPresent()) {
            regions.get().problem("give either pairs or regions, not both");
            return Optional.empty();
        }
        if (regions.isPresent()) {
            return regions.get().list(r -> region(r, clusters)).map(LatencyScope::regions);
        }
        return pairs.map(c -> c.node() instanceof ScalarNode ? kind(c) : named(c, clusters))
                .orElse(Optional.of(LatencyScope.all()));
    }

    private static Optional<LatencyScope> kind(Cursor c) {
        return c.text().flatMap(text -> switch (text) {
            case "same-region" -> Optional.of(LatencyScope.sameRegion());
            case "all" -> Optional.of(LatencyScope.all());
            default -> {
                c.problem("'" + text + "' is not one of same-region, all, or a list of cluster pairs");
                yield Optional.empty();
            }
        });
    }

    private static Optional<LatencyScope> named(Cursor c, Optional<List<ClusterSpec>> clusters) {
        return c.list(pair -> pair.list(name -> cluster(name, clusters)).filter(names -> {
            if (names.size() != 2 || names.get(0).equals(names.get(1))) {
                pair.problem("a pair names two different clusters, found " + names);
                return false;
            }
            return true;
        })).filter(list -> {
            if (list.isEmpty()) {
                c.problem("name at least one pair of clusters");
            }
            return !list.isEmpty();
        }).map(LatencyScope::pairs);
    }

    private static Optional<String> cluster(Cursor c, Optional<List<ClusterSpec>> clusters) {
        return c.name().filter(name -> clusters.map(list -> {
            boolean known = list.stream().anyMatch(s -> s.name().equals(name));
            if (!known) {
                c.problem("unknown cluster '" + name + "'; clusters are "
                        + String.join(", ", list.stream().map(ClusterSpec::name).toList()));
            }
            return known;
        }).orElse(true));
    }

    private static Optional<String> region(Cursor c, Optional<List<ClusterSpec>> clusters) {
        return c.text().filter(region -> clusters.map(list -> {
            boolean known = list.stream().anyMatch(s -> s.region().equals(region));
            if (!known) {
                c.problem("no cluster of the topology is in region '" + region + "'; regions are "
                        + String.join(", ", list.stream().map(ClusterSpec::region).distinct().toList()));
            }
            return known;
        }).orElse(true));
    }
}
