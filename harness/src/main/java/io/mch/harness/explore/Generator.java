package io.mch.harness.explore;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.Topology;
import io.mch.harness.fault.FaultDraws;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.network.Endpoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Draws fault schedules from a scenario's {@code explore:} space. Schedule {@code n} of a seed is a
 * pure function of (seed, n), so a search can be repeated exactly and any one of its tries replayed
 * without the ones before it. No two faults of a schedule share a type and a target: the same
 * fault twice at once would not be one fault more, and a nemesis refuses it.
 */
public final class Generator {

    /** Starts and lengths are drawn on this grid, so written schedules read cleanly. */
    static final Duration GRID = Duration.ofMillis(100);

    private final Scenario scenario;
    private final ExploreSpec space;
    private final long seed;
    private final FaultTypes faultTypes;

    public Generator(Scenario scenario, ExploreSpec space, long seed) {
        this(scenario, space, seed, FaultTypes.BUILT_IN);
    }

    /** As above, drawing from {@code faultTypes} (a test's own type beside the built-in ones). */
    public Generator(Scenario scenario, ExploreSpec space, long seed, FaultTypes faultTypes) {
        this.scenario = scenario;
        this.space = space;
        this.seed = seed;
        this.faultTypes = faultTypes;
    }

    /** The {@code n}-th schedule of this seed (n from 0), ordered by start. */
    public List<ScheduledFault> schedule(int n) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + n);
        List<String[]> kinds = new ArrayList<>();
        for (String type : space.faultTypes().keySet()) {
            for (String target : space.targets(type)) {
                kinds.add(new String[] {type, target});
            }
        }
        int count = Math.min(1 + random.nextInt(space.maxFaults()), kinds.size());
        List<ScheduledFault> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] kind = kinds.remove(random.nextInt(kinds.size()));
            Duration at = draw(random, space.window().min(), space.window().max().minus(GRID));
            Duration length = draw(random, space.duration().min(), space.duration().max());
            Duration room = scenario.duration().minus(at);
            faults.add(new ScheduledFault(0, at, Optional.of(length.compareTo(room) > 0 ? room : length),
                    faultTypes.named(kind[0]).orElseThrow().draw(kind[1], draws(random))));
        }
        faults.sort(Comparator.comparing(ScheduledFault::at));
        return Schedules.renumbered(faults);
    }

    /** The space's draws for one fault: each takes {@code random}'s next numbers only when the fault's type asks. */
    private FaultDraws draws(Random random) {
        return new FaultDraws() {
            @Override
            public List<String> others(String target) {
                List<String> others = new ArrayList<>(List.of(Endpoints.CLIENTS, Endpoints.GLOBAL_LOAD_BALANCER));
                scenario.topology().clusterNames().stream().filter(c -> !c.equals(target)).forEach(others::add);
                return others;
            }

            @Override
            public Duration latency() {
                return draw(random, space.latency().min(), space.latency().max(), Duration.ofMillis(10));
            }

            @Override
            public int nodes(String cluster) {
                int nodes = scenario.topology().cluster(cluster).map(Topology.ClusterSpec::nodes).orElse(1);
                int max = Math.min(space.nodes().max(), nodes);
                int min = Math.min(space.nodes().min(), max);
                return min + random.nextInt(max - min + 1);
            }
        };
    }

    private static Duration draw(Random random, Duration min, Duration max) {
        return draw(random, min, max, GRID);
    }

    /** Uniform on the grid within [min, max]; min itself when the range is narrower than a step. */
    private static Duration draw(Random random, Duration min, Duration max, Duration grid) {
        long steps = max.minus(min).toMillis() / grid.toMillis();
        return min.plus(grid.multipliedBy(steps <= 0 ? 0 : Math.floorMod(random.nextLong(), steps + 1)));
    }
}
