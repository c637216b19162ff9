package io.mch.harness.config;

import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problems;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads a scenario (docs/contracts.md, "Scenario file") with the topology it names and
 * its {@code overrides:} deep-merged into that topology, and refuses it, with every problem of
 * both files at once, before anything starts. Problems inside {@code overrides:} are reported
 * against the scenario file, where they can be fixed.
 *
 * <p>Required: {@code name} (a DNS label, {@link io.mch.harness.input.Names}), {@code topology}
 * (see {@link Fixtures}), {@code duration} (above zero, at most 24h). Every number's range is in
 * docs/authoring.md ("Limits"). Defaults:
 * <ul>
 *   <li>{@code description}: empty; {@code seed}: {@link java.util.OptionalLong#empty()};
 *   <li>{@code traffic}: rate 20/s (at most 10000/s), timeout 1s (at most the duration), each field on its own;
 *   <li>{@code faults}: none. Each item has {@code at} (required, in [0, duration)), an optional
 *       {@code for} (omitted: until the end; at+for must not pass the end) and exactly one of
 *       {@code partition} ({@code direction} default both), {@code latency} ({@code jitter}
 *       default 0), {@code node-loss} ({@code count} default 1, at most the cluster's nodes),
 *       {@code cluster-loss}. Endpoints are cluster names, {@code clients} and
 *       {@code global-load-balancer};
 *   <li>{@code explore}: none; the search space of {@code mch explore}, validated here, read with
 *       {@link #explore} (defaults on {@code ExploreBinder});
 *   <li>{@code steps}: none. Each item has {@code at} (required, in [0, duration)) and exactly one
 *       of {@code commit}, {@code sync} (both: {@code application} and exactly one of {@code add},
 *       {@code change}, {@code delete}, a file of the application's directory; a manifest with
 *       apiVersion, kind and metadata.name for add and change), {@code drift} ({@code cluster},
 *       {@code object} Kind/name with namespace default, or Kind/namespace/name, and exactly one of
 *       {@code patch} or {@code delete: true}), {@code federate}, {@code connect}
 *       ({@code cluster}), {@code replicate} ({@code from}, {@code to}), {@code failover}
 *       ({@code to}); checked against the topology with its overrides (see {@link StepBinder});
 *   <li>{@code slo}: none judged. A stated SLO needs its target ({@code max} or {@code min});
 *       {@code cross-cluster-latency.percentile} defaults to 99 (a whole number in (0, 100]);
 *       {@code availability.incidents-per-year} defaults to 4.
 * </ul>
 * Topology defaults are listed on {@link TopologyLoader}. When the topology has problems (its own,
 * or ones its {@code overrides:} bring in), they are all reported, and the checks of this file that
 * need a valid topology (the steps' fabric sections and applications, the load's balancer) are
 * skipped rather than guessed; checks of cluster names still run when the clusters are valid.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {}

    /** Topology names resolve through {@link Fixtures#discover()}. */
    public static Scenario load(Path file) throws InvalidInputException {
        return load(file, Fixtures.discover());
    }

    public static Scenario load(Path file, Fixtures fixtures) throws InvalidInputException {
        return load(file, fixtures, FaultTypes.BUILT_IN);
    }

    /** As above, with fault types beyond the built-in ones (a test's own, see {@link FaultTypes#with}). */
    public static Scenario load(Path file, Fixtures fixtures, FaultTypes faultTypes) throws InvalidInputException {
        return load(file, fixtures, faultTypes, TimeScale.REAL);
    }

    /**
     * For a run at {@code scale}: also refuses timers that would be shorter than a wall
     * millisecond at that scale, which a load without the scale cannot know.
     */
    public static Scenario load(Path file, TimeScale scale) throws InvalidInputException {
        return load(file, Fixtures.discover(), FaultTypes.BUILT_IN, scale);
    }

    private static Scenario load(Path file, Fixtures fixtures, FaultTypes faultTypes, TimeScale scale)
            throws InvalidInputException {
        Problems problems = new Problems(file);
        Optional<Scenario> scenario = YamlFiles.read(file, problems)
                .flatMap(root -> ScenarioBinder.bind(file, root, fixtures, faultTypes, problems, scale));
        problems.throwIfAny();
        return scenario.orElseThrow();
    }

    /**
     * The {@code explore:} section of a scenario file, if it has one, bound against the loaded
     * scenario (which {@link #load} has already validated, section included).
     */
    public static Optional<ExploreSpec> explore(Path file, Scenario scenario) throws InvalidInputException {
        Problems problems = new Problems(file);
        Optional<ExploreSpec> spec = YamlFiles.read(file, problems)
                .flatMap(root -> new Cursor(root, "", problems).fields(ScenarioBinder.FIELDS))
                .flatMap(f -> f.get("explore"))
                .flatMap(new ExploreBinder(FaultTypes.BUILT_IN, Optional.of(scenario.topology().clusters()),
                        Optional.of(scenario.duration()))::bind);
        problems.throwIfAny();
        return spec;
    }
}
