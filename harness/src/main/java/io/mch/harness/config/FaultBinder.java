package io.mch.harness.config;

import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.fault.FaultTargets;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Fields;
import io.mch.harness.input.Quantities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds one item of a scenario's {@code faults:} list, checking it against the topology (cluster
 * and endpoint names, node counts) and the scenario's clock, so that a fault that could not be
 * injected as written is refused before anything starts. When the topology or the duration are
 * themselves invalid, the checks that need them are skipped rather than guessed. The body of the
 * item is its fault type's to read; this binder answers the type's questions about the topology.
 */
final class FaultBinder implements FaultTargets {

    private final FaultTypes types;
    private final Optional<List<ClusterSpec>> clusters;
    private final Optional<Duration> scenarioDuration;

    FaultBinder(FaultTypes types, Optional<List<ClusterSpec>> clusters, Optional<Duration> scenarioDuration) {
        this.types = types;
        this.clusters = clusters;
        this.scenarioDuration = scenarioDuration;
    }

    Optional<ScheduledFault> bind(Cursor item, int index) {
        List<String> allowed = new ArrayList<>(List.of("at", "for"));
        allowed.addAll(types.names());
        return item.fields(allowed).flatMap(f -> {
            Optional<Duration> at = f.required("at",
                    c -> c.duration().filter(a -> LoadBinder.startsInRun(c, a, scenarioDuration)));
            Optional<Optional<Duration>> duration = f.get("for")
                    .map(c -> c.positive(c.duration())
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
        List<String> names = types.names();
        List<String> present = names.stream().filter(fault::has).toList();
        if (present.size() != 1) {
            fault.self().problem(present.isEmpty()
                    ? "no fault type; give exactly one of " + String.join(", ", names)
                    : "more than one fault type (" + String.join(", ", present) + "); give each its own list item");
            return Optional.empty();
        }
        Cursor body = fault.get(present.get(0)).orElseThrow();
        return types.named(present.get(0)).orElseThrow().bind(body, this).map(FaultSpec.class::cast);
    }

    @Override
    public Optional<List<String>> endpoints(Cursor list) {
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

    @Override
    public Optional<String> cluster(Cursor field) {
        return field.text().flatMap(name -> TopologyBinder.knownCluster(field, name, clusters));
    }

    @Override
    public int nodes(String cluster) {
        return clusters.orElseThrow().stream().filter(c -> c.name().equals(cluster)).findFirst()
                .orElseThrow().nodes();
    }
}
