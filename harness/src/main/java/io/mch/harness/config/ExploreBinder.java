package io.mch.harness.config;

import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Names;
import io.mch.harness.input.Quantities;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Binds a scenario's {@code explore:} section (see {@link ExploreSpec}), checked against the
 * topology's clusters and the scenario's duration like the fault list is, so that a search never
 * generates a schedule the scenario loader would refuse. Defaults: every fault type, every
 * cluster, 2 faults, the whole run as window, durations of 10% to 50% of the run, 1 node,
 * 50 ms to 500 ms of latency, 10 tries.
 */
final class ExploreBinder {

    static final List<String> FIELDS =
            List.of("faults", "targets", "max-faults", "window", "duration", "nodes", "latency", "tries");

    /** More faults than this in one run no longer say which one mattered. */
    static final int MAX_FAULTS = 100;

    private final FaultTypes faultTypes;
    private final Optional<List<ClusterSpec>> clusters;
    private final Optional<Duration> scenarioDuration;

    ExploreBinder(FaultTypes faultTypes, Optional<List<ClusterSpec>> clusters, Optional<Duration> scenarioDuration) {
        this.faultTypes = faultTypes;
        this.clusters = clusters;
        this.scenarioDuration = scenarioDuration;
    }

    Optional<ExploreSpec> bind(Cursor section) {
        return section.fields(FIELDS).flatMap(f -> {
            Optional<Map<String, List<String>>> types = f.optional("faults", this::faultTypes, allTypes());
            Optional<List<String>> targets = f.get("targets")
                    .map(c -> nonEmpty(c, c.list(this::cluster)))
                    .orElse(clusters.map(cs -> cs.stream().map(ClusterSpec::name).toList()));
            Optional<Integer> maxFaults = f.optional("max-faults",
                    c -> c.within(c.integer(), 1, MAX_FAULTS, String::valueOf), 2);
            Duration length = scenarioDuration.orElse(Duration.ofSeconds(10));
            Optional<ExploreSpec.Range<Duration>> window = f.optional("window",
                    c -> range(c, Cursor::duration).filter(r -> endsInRun(c, r)),
                    new ExploreSpec.Range<>(Duration.ZERO, length));
            Optional<ExploreSpec.Range<Duration>> duration = f.optional("duration",
                    c -> range(c, d -> d.positive(d.duration())),
                    new ExploreSpec.Range<>(length.dividedBy(10), length.dividedBy(2)));
            Optional<ExploreSpec.Range<Integer>> nodes = f.optional("nodes",
                    c -> range(c, n -> n.within(n.integer(), 1, TopologyBinder.MAX_NODES, String::valueOf)),
                    new ExploreSpec.Range<>(1, 1));
            Optional<ExploreSpec.Range<Duration>> latency = f.optional("latency",
                    c -> range(c, d -> d.positive(d.duration())),
                    new ExploreSpec.Range<>(Duration.ofMillis(50), Duration.ofMillis(500)));
            Optional<Integer> tries = f.optional("tries", c -> c.within(c.integer(), 1, ExploreSpec.MAX_TRIES, String::valueOf), 10);
            if (types.isEmpty() || targets.isEmpty() || maxFaults.isEmpty() || window.isEmpty()
                    || duration.isEmpty() || nodes.isEmpty() || latency.isEmpty() || tries.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ExploreSpec(types.get(), targets.get(), maxFaults.get(), window.get(),
                    duration.get(), nodes.get(), latency.get(), tries.get()));
        });
    }

    private Map<String, List<String>> allTypes() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        faultTypes.names().forEach(t -> all.put(t, List.of()));
        return all;
    }

    /** {@code [node-loss, { cluster-loss: [us-east] }]}: a type, or a type with its own targets. */
    private Optional<Map<String, List<String>>> faultTypes(Cursor list) {
        return nonEmpty(list, list.list(item -> item.node() instanceof MappingNode
                ? item.entries().flatMap(entries -> {
                    if (entries.size() != 1) {
                        item.problem("expected one fault type with its list of clusters, e.g. { cluster-loss: [us-east] }");
                        return Optional.empty();
                    }
                    var entry = entries.entrySet().iterator().next();
                    Optional<String> type = knownType(entry.getValue(), entry.getKey());
                    Optional<List<String>> clusters = nonEmpty(entry.getValue(), entry.getValue().list(this::cluster));
                    return type.isPresent() && clusters.isPresent()
                            ? Optional.of(Map.entry(type.get(), clusters.get()))
                            : Optional.empty();
                })
                : item.text().flatMap(type -> knownType(item, type)).map(type -> Map.entry(type, List.<String>of()))))
                .map(entries -> {
                    Map<String, List<String>> types = new LinkedHashMap<>();
                    entries.forEach(e -> types.put(e.getKey(), e.getValue()));
                    return types;
                });
    }

    private Optional<String> knownType(Cursor item, String name) {
        return Optional.of(name).filter(type -> {
            List<String> names = faultTypes.names();
            if (names.contains(type)) {
                return true;
            }
            item.problem("'" + type + "' is not one of " + String.join(", ", names) + Names.hint(type, names));
            return false;
        });
    }

    private Optional<String> cluster(Cursor item) {
        return item.text().flatMap(name -> TopologyBinder.knownCluster(item, name, clusters));
    }

    private static <T> Optional<List<T>> nonEmpty(Cursor list, Optional<List<T>> values) {
        return values.filter(v -> {
            if (v.isEmpty()) {
                list.problem("must name at least one");
            }
            return !v.isEmpty();
        });
    }

    /** A {@code { min, max }} mapping with {@code min <= max}. */
    private static <T extends Comparable<T>> Optional<ExploreSpec.Range<T>> range(
            Cursor section, Function<Cursor, Optional<T>> read) {
        return section.fields(List.of("min", "max")).flatMap(f -> {
            Optional<T> min = f.required("min", read);
            Optional<T> max = f.required("max", read);
            if (min.isEmpty() || max.isEmpty()) {
                return Optional.empty();
            }
            if (min.get().compareTo(max.get()) > 0) {
                f.get("max").orElseThrow().problem("must not be below min (" + text(min.get()) + ")");
                return Optional.empty();
            }
            return Optional.of(new ExploreSpec.Range<>(min.get(), max.get()));
        });
    }

    private boolean endsInRun(Cursor window, ExploreSpec.Range<Duration> range) {
        if (scenarioDuration.isPresent() && range.max().compareTo(scenarioDuration.get()) > 0) {
            window.problem("the window ends at " + Quantities.format(range.max())
                    + ", after the scenario ends (duration " + Quantities.format(scenarioDuration.get()) + ")");
            return false;
        }
        return true;
    }

    private static String text(Object value) {
        return value instanceof Duration d ? Quantities.format(d) : String.valueOf(value);
    }
}
