package io.mch.harness.config;

import io.mch.faults.spec.ScheduledFault;
import io.mch.reports.judge.SloTargets;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Fields;
import io.mch.harness.input.Problems;
import io.mch.harness.input.Quantities;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds a scenario node tree, loading and binding the topology it names with its overrides
 * merged in, so that one pass reports the problems of both files. Defaults are listed on
 * {@link ScenarioLoader}.
 */
final class ScenarioBinder {

    static final Scenario.Traffic DEFAULT_TRAFFIC = new Scenario.Traffic(20, Duration.ofSeconds(1));
    static final List<String> FIELDS = List.of(
            "name", "description", "topology", "overrides", "duration", "seed", "traffic", "faults", "slo", "explore", "load", "steps");


    private static final TopologyBinder.Result NO_TOPOLOGY =
            new TopologyBinder.Result(Optional.empty(), Optional.empty());

    private ScenarioBinder() {}

    static Optional<Scenario> bind(Path file, Node root, Fixtures fixtures, FaultTypes faultTypes, Problems problems) {
        return bind(file, root, fixtures, faultTypes, problems, TimeScale.REAL);
    }

    /** As above, for a run at {@code scale} (its topology's timers are checked at that scale). */
    static Optional<Scenario> bind(Path file, Node root, Fixtures fixtures, FaultTypes faultTypes, Problems problems,
            TimeScale scale) {
        int before = problems.count();
        Optional<Fields> fields = new Cursor(root, "", problems).fields(FIELDS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> name = f.required("name", Cursor::name);
        Optional<String> description = f.optional("description", Cursor::text, "");
        TopologyBinder.Result topology = f.require("topology")
                .map(ref -> topology(ref, f.get("overrides"), fixtures, file, scale))
                .orElse(NO_TOPOLOGY);
        Optional<Duration> duration = f.required("duration", c -> c.positive(c.duration()));
        Optional<OptionalLong> seed = f.get("seed")
                .map(c -> c.longInteger().map(OptionalLong::of))
                .orElse(Optional.of(OptionalLong.empty()));
        Optional<Scenario.Traffic> traffic = f.optional("traffic", c -> traffic(c, duration), DEFAULT_TRAFFIC);
        FaultBinder faultBinder = new FaultBinder(faultTypes, topology.clusters(), duration);
        Optional<List<ScheduledFault>> faults = f.optional("faults", c -> faults(c, faultBinder), List.of());
        Optional<SloTargets> slo = f.optional("slo", c -> SloBinder.bind(c, topology.clusters()), SloTargets.none());
        f.get("explore").ifPresent(new ExploreBinder(faultTypes, topology.clusters(), duration)::bind);
        Optional<Optional<Scenario.Load>> load = f.get("load")
                .map(c -> LoadBinder.bind(c, duration, topology.topology()).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<List<Step.Scheduled>> steps =
                f.optional("steps", c -> new StepBinder(topology, duration).bind(c), List.of());
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Scenario(file, name.orElseThrow(), description.orElseThrow(),
                topology.topology().orElseThrow(), duration.orElseThrow(), seed.orElseThrow(), traffic.orElseThrow(),
                faults.orElseThrow(), slo.orElseThrow(), load.orElseThrow(), steps.orElseThrow()));
    }

    private static TopologyBinder.Result topology(
            Cursor reference, Optional<Cursor> overrides, Fixtures fixtures, Path scenarioFile, TimeScale scale) {
        Optional<String> text = reference.text();
        if (text.isEmpty()) {
            return NO_TOPOLOGY;
        }
        Path topologyFile;
        try {
            topologyFile = fixtures.resolve(text.get(), scenarioFile);
        } catch (IllegalArgumentException e) {
            reference.problem(e.getMessage());
            return NO_TOPOLOGY;
        }
        Problems problems = reference.problems().about(topologyFile);
        Optional<Node> root = YamlFiles.read(topologyFile, problems);
        if (root.isEmpty()) {
            return NO_TOPOLOGY;
        }
        if (overrides.isPresent() && !(overrides.get().node() instanceof MappingNode)) {
            overrides.get().problem("expected a mapping of topology fields to override");
        }
        if (overrides.isEmpty() || !(overrides.get().node() instanceof MappingNode)
                || !(root.get() instanceof MappingNode)) {
            return TopologyBinder.bind(topologyFile, root.get(), problems, scale);
        }
        Set<Node> fromOverrides = Problems.identitySet();
        Node merged = OverrideMerge.merge(root.get(), overrides.get().node(), fromOverrides);
        return TopologyBinder.bind(topologyFile, merged,
                problems.withOverrides(fromOverrides, reference.problems().file(), overrides.get().path()), scale);
    }

    /** The probes; a timeout longer than the scenario would keep a probe waiting past its end. */
    private static Optional<Scenario.Traffic> traffic(Cursor section, Optional<Duration> duration) {
        return section.fields(List.of("rate", "timeout")).flatMap(f -> {
            Optional<Double> rate = f.optional("rate", Cursor::ratePerSecond, DEFAULT_TRAFFIC.ratePerSecond());
            Optional<Duration> timeout = f.optional("timeout", c -> c.positive(c.duration()).filter(t -> {
                if (duration.isPresent() && t.compareTo(duration.get()) > 0) {
                    c.problem("must not be longer than the scenario (duration "
                            + Quantities.format(duration.get()) + "), found " + Quantities.format(t));
                    return false;
                }
                return true;
            }), DEFAULT_TRAFFIC.timeout());
            return rate.isPresent() && timeout.isPresent()
                    ? Optional.of(new Scenario.Traffic(rate.get(), timeout.get()))
                    : Optional.empty();
        });
    }

    private static Optional<List<ScheduledFault>> faults(Cursor list, FaultBinder binder) {
        return list.items().flatMap(items -> {
            List<ScheduledFault> faults = new ArrayList<>();
            boolean complete = true;
            for (int i = 0; i < items.size(); i++) {
                Optional<ScheduledFault> fault = binder.bind(items.get(i), i);
                fault.ifPresent(faults::add);
                complete &= fault.isPresent();
            }
            return complete ? Optional.of(faults) : Optional.empty();
        });
    }
}
