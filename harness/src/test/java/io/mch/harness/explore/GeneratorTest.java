package io.mch.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedules are a pure function of (seed, n), stay inside the explore space, and survive a write and reload. */
class GeneratorTest {

    static final Path WEAK_STANDBY = Path.of("../scenarios/explore-weak-standby.yaml").toAbsolutePath().normalize();

    @Test
    void theSameSeedGivesTheSameSchedulesAndAnotherSeedOthers() throws Exception {
        Scenario scenario = ScenarioLoader.load(WEAK_STANDBY);
        ExploreSpec space = ScenarioLoader.explore(WEAK_STANDBY, scenario).orElseThrow();

        List<List<ScheduledFault>> first = schedules(new Generator(scenario, space, 42));
        List<List<ScheduledFault>> again = schedules(new Generator(scenario, space, 42));
        List<List<ScheduledFault>> other = schedules(new Generator(scenario, space, 43));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(new Generator(scenario, space, 42).schedule(7)).isEqualTo(first.get(7));
    }

    @Test
    void everyScheduleStaysInsideTheExploreSpace() throws Exception {
        Scenario scenario = ScenarioLoader.load(WEAK_STANDBY);
        ExploreSpec space = ScenarioLoader.explore(WEAK_STANDBY, scenario).orElseThrow();
        Set<Integer> sizes = new HashSet<>();
        for (List<ScheduledFault> schedule : schedules(new Generator(scenario, space, 5))) {
            sizes.add(schedule.size());
            assertThat(schedule).hasSizeBetween(1, space.maxFaults());
            assertThat(schedule.stream().map(f -> f.spec().type() + " " + target(f.spec())).distinct()).hasSameSizeAs(schedule);
            for (int i = 0; i < schedule.size(); i++) {
                ScheduledFault f = schedule.get(i);
                assertThat(f.index()).isEqualTo(i);
                assertThat(f.at()).isBetween(space.window().min(), space.window().max());
                assertThat(f.end(scenario.duration())).isLessThanOrEqualTo(scenario.duration());
                assertThat(f.duration().orElseThrow()).isLessThanOrEqualTo(space.duration().max());
                assertThat(space.faultTypes()).containsKey(f.spec().type());
                assertThat(space.targets(f.spec().type())).contains(target(f.spec()));
                if (f.spec() instanceof FaultSpec.NodeLoss n) {
                    assertThat(n.count()).isEqualTo(1);
                }
            }
        }
        assertThat(sizes).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void aWrittenScheduleLoadsBackAsTheSameFaults(@TempDir Path dir) throws Exception {
        Scenario scenario = ScenarioLoader.load(WEAK_STANDBY);
        List<ScheduledFault> schedule = List.of(
                new ScheduledFault(0, Duration.ofMillis(5_300), java.util.Optional.of(Duration.ofSeconds(20)),
                        new FaultSpec.ClusterLoss("us-east")),
                new ScheduledFault(1, Duration.ofSeconds(9), java.util.Optional.of(Duration.ofMillis(12_700)),
                        new FaultSpec.NodeLoss("eu-west", 1)),
                new ScheduledFault(2, Duration.ofSeconds(1), java.util.Optional.of(Duration.ofSeconds(3)),
                        new FaultSpec.Latency(List.of("eu-west"), List.of("clients", "us-east"), Duration.ofMillis(250),
                                Duration.ZERO)));

        Path file = ScenarioWriter.write(scenario, "found", schedule, 99, List.of("a comment"), dir.resolve("found.yaml"));
        Scenario loaded = ScenarioLoader.load(file);

        assertThat(loaded.faults()).isEqualTo(schedule);
        assertThat(loaded.seed()).hasValue(99);
        assertThat(loaded.slo()).isEqualTo(scenario.slo());
        assertThat(loaded.topology()).isEqualTo(scenario.topology());
        assertThat(ScenarioLoader.explore(file, loaded)).isEqualTo(ScenarioLoader.explore(WEAK_STANDBY, scenario));
    }

    private static List<List<ScheduledFault>> schedules(Generator generator) {
        return IntStream.range(0, 30).mapToObj(generator::schedule).toList();
    }

    private static String target(FaultSpec spec) {
        if (spec instanceof FaultSpec.NodeLoss n) {
            return n.cluster();
        }
        if (spec instanceof FaultSpec.ClusterLoss c) {
            return c.cluster();
        }
        if (spec instanceof FaultSpec.Partition p) {
            return p.between().get(0);
        }
        return ((FaultSpec.Latency) spec).between().get(0);
    }
}
