package io.mch.harness.config;

import io.mch.harness.input.Fields;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Quantities;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.config.Topology.ClusterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds one item of a scenario's {@code faults:} list, checking it against the topology (cluster
 * and endpoint names, node counts) and the scenario's clock, so that a fault that could not be
 * injected as written is refused before anything starts. When the topology or the duration are
 * themselves invalid, the checks that need them are skipped rather than guessed.
 */
final class FaultBinder {

    static final List<String> TYPES = List.of("partition", "latency", "node-loss", "cluster-loss");

    private final Optional<List<ClusterSpec>> clusters;
    private final Optional<Duration> scenarioDuration;

    FaultBinder(Optional<List<ClusterSpec>> clusters, Optional<Duration> scenarioDuration) {
        this.clusters = clusters;
        this.scenarioDuration = scenarioDuration;
    }

    Optional<ScheduledFault> bind(Cursor item, int index) {
        List<String> allowed = new ArrayList<>(List.of("at", "for"));
        allowed.addAll(TYPES);
        return item.fields(allowed).flatMap(f -> {
            Optional<Duration> at = f.required("at",
                    c -> c.duration().filter(a -> LoadBinder.startsInRun(c, a, scenarioDuration)));
            Optional<Optional<Duration>> duration = f.get("for")
                    .map(c -> TopologyBinder.positive(c, c.duration())
                            .filter(d -> at.isEmpty() || endsInRun(c, at.get(), d))
                            .map(Optional::of))
                    .orElse(Optional.of(Optional.empty()));
            Optional<FaultSpec> spec = spec(f);
            if (at.isEmpty() || duration.isEmpty() || spec.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ScheduledFault(index, at.get(), duration.get(), spec.get()));
        });
    }


    private boolean endsInRun(Cursor forField, Duration at, Duration length) {
        Duration end = at.plus(length);
        if (scenarioDuration.isPresent() && end.compareTo(scenarioDuration.get()) > 0) {
            forField.problem("the fault would end at " + Quantities.format(end)
                    + ", after the scenario ends (duration " + Quantities.format(scenarioDuration.get())
                    + "); shorten it, or omit 'for' to last until the end");
            return false;
        }
        return true;
    }

    private Optional<FaultSpec> spec(Fields fault) {
        List<String> types = TYPES.stream().filter(fault::has).toList();
        if (types.size() != 1) {
            fault.self().problem(types.isEmpty()
                    ? "no fault type; give exactly one of " + String.join(", ", TYPES)
                    : "more than one fault type (" + String.join(", ", types) + "); give each its own list item");
            return Optional.empty();
        }
        Cursor body = fault.get(types.get(0)).orElseThrow();
        return switch (types.get(0)) {
            case "partition" -> partition(body);
            case "latency" -> latency(body);
            case "node-loss" -> nodeLoss(body);
            case "cluster-loss" -> clusterLoss(body);
            default -> throw new IllegalStateException(types.get(0));
        };
    }

    private Optional<FaultSpec> partition(Cursor body) {
        return body.fields(List.of("between", "and", "direction")).flatMap(f -> {
            Optional<Sides> sides = sides(f);
            Optional<PartitionDirection> direction =
                    f.optional("direction", c -> c.choice(PartitionDirection.class), PartitionDirection.BOTH);
            if (sides.isEmpty() || direction.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FaultSpec.Partition(sides.get().between(), sides.get().and(), direction.get()));
        });
    }

    private Optional<FaultSpec> latency(Cursor body) {
        return body.fields(List.of("between", "and", "add", "jitter")).flatMap(f -> {
            Optional<Sides> sides = sides(f);
            Optional<Duration> add = f.required("add", c -> TopologyBinder.positive(c, c.duration()));
            Optional<Duration> jitter = f.optional("jitter", Cursor::duration, Duration.ZERO);
            if (sides.isEmpty() || add.isEmpty() || jitter.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FaultSpec.Latency(sides.get().between(), sides.get().and(), add.get(), jitter.get()));
        });
    }

    private record Sides(List<String> between, List<String> and) {}

    /** The two groups of a partition or latency fault: valid endpoints, none on both sides. */
    private Optional<Sides> sides(Fields f) {
        Optional<List<String>> between = f.required("between", this::endpoints);
        Optional<List<String>> and = f.required("and", this::endpoints);
        if (between.isEmpty() || and.isEmpty()) {
            return Optional.empty();
        }
        Set<String> left = new HashSet<>(between.get());
        List<Cursor> right = f.get("and").flatMap(Cursor::items).orElseThrow();
        boolean disjoint = true;
        for (int i = 0; i < right.size(); i++) {
            if (left.contains(and.get().get(i))) {
                right.get(i).problem("'" + and.get().get(i) + "' is on both sides");
                disjoint = false;
            }
        }
        return disjoint ? Optional.of(new Sides(between.get(), and.get())) : Optional.empty();
    }

    private Optional<List<String>> endpoints(Cursor list) {
        return list.list(this::endpoint).filter(names -> {
            if (names.isEmpty()) {
                list.problem("must name at least one cluster or endpoint");
            }
            return !names.isEmpty();
        });
    }

    private Optional<String> endpoint(Cursor item) {
        return item.text().flatMap(name -> TopologyBinder.ENDPOINTS.contains(name)
                ? clusters.map(known -> name)
                : TopologyBinder.knownCluster(item, name, clusters, TopologyBinder.ENDPOINTS));
    }

    private Optional<FaultSpec> nodeLoss(Cursor body) {
        return body.fields(List.of("cluster", "count")).flatMap(f -> {
            Optional<ClusterSpec> cluster = f.required("cluster", this::cluster);
            Optional<Integer> count = f.optional("count", c -> TopologyBinder.atLeast(c, c.integer(), 1), 1);
            if (cluster.isEmpty() || count.isEmpty()) {
                return Optional.empty();
            }
            if (count.get() > cluster.get().nodes()) {
                // A cluster has at least one node, so the default count never gets here.
                f.get("count").orElseThrow().problem(count.get() + " exceeds the " + cluster.get().nodes()
                        + " nodes of cluster '" + cluster.get().name() + "'");
                return Optional.empty();
            }
            return Optional.of(new FaultSpec.NodeLoss(cluster.get().name(), count.get()));
        });
    }

    private Optional<FaultSpec> clusterLoss(Cursor body) {
        return body.fields(List.of("cluster")).flatMap(f -> f.required("cluster", this::cluster))
                .map(c -> new FaultSpec.ClusterLoss(c.name()));
    }

    private Optional<ClusterSpec> cluster(Cursor field) {
        return field.text()
                .flatMap(name -> TopologyBinder.knownCluster(field, name, clusters))
                .flatMap(name -> clusters.orElseThrow().stream().filter(c -> c.name().equals(name)).findFirst());
    }
}
