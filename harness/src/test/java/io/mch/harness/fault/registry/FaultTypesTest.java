package io.mch.harness.fault.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.faults.ClusterControl;
import io.mch.faults.Heal;
import io.mch.faults.Nemesis;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.explore.ScenarioWriter;
import io.mch.harness.fault.latency.LatencyFault;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultTypesTest {

    private static final Path WEAK_STANDBY = Path.of("../scenarios/explore-weak-standby.yaml").toAbsolutePath().normalize();

    private static final List<FaultSpec> ONE_OF_EACH = List.of(
            new FaultSpec.Partition(List.of("us-east"), List.of("clients", "global-load-balancer"), PartitionDirection.TO),
            new FaultSpec.Latency(List.of("eu-west"), List.of("us-east"), Duration.ofMillis(200), Duration.ofMillis(40)),
            new FaultSpec.NodeLoss("us-east", 2),
            new FaultSpec.ClusterLoss("us-east"));

    @Test
    void everyBuiltInTypeIsListedOnceAndWritesWhatItReadsBack(@TempDir Path dir) throws Exception {
        assertThat(FaultTypes.BUILT_IN.names()).containsExactly("partition", "latency", "node-loss", "cluster-loss");
        assertThat(ONE_OF_EACH).extracting(s -> FaultTypes.BUILT_IN.of(s).type().name())
                .containsExactlyElementsOf(FaultTypes.BUILT_IN.names())
                .containsExactlyElementsOf(ONE_OF_EACH.stream().map(FaultSpec::type).toList());

        Scenario scenario = ScenarioLoader.load(WEAK_STANDBY);
        List<ScheduledFault> schedule = new ArrayList<>();
        for (FaultSpec spec : ONE_OF_EACH) {
            schedule.add(new ScheduledFault(schedule.size(), Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(2)), spec));
        }
        Path file = ScenarioWriter.write(scenario, "each", schedule, 1, List.of(), dir.resolve("each.yaml"));

        assertThat(ScenarioLoader.load(file).faults()).isEqualTo(schedule);
    }

    @Test
    void onlyLatencyIsCompressedWithTheRun() {
        TimeScale twenty = new TimeScale(20);

        assertThat(FaultTypes.BUILT_IN.of(ONE_OF_EACH.get(1)).wall(twenty)).isEqualTo(new FaultSpec.Latency(
                List.of("eu-west"), List.of("us-east"), Duration.ofMillis(10), Duration.ofMillis(2)));
        assertThat(FaultTypes.BUILT_IN.of(ONE_OF_EACH.get(1)).wall(TimeScale.REAL)).isEqualTo(ONE_OF_EACH.get(1));
        for (FaultSpec spec : List.of(ONE_OF_EACH.get(0), ONE_OF_EACH.get(2), ONE_OF_EACH.get(3))) {
            assertThat(FaultTypes.BUILT_IN.of(spec).wall(twenty)).isEqualTo(spec);
        }
    }

    @Test
    void theNemesisInjectsNodeAndClusterLossThroughTheClustersAndReturnsTheirHeals() {
        List<String> calls = new ArrayList<>();
        ClusterControl clusters = new ClusterControl() {
            @Override
            public Heal loseNodes(String cluster, int count) {
                calls.add("lose " + count + " nodes of " + cluster);
                return () -> calls.add("heal nodes of " + cluster);
            }

            @Override
            public Heal loseCluster(String cluster) {
                calls.add("lose " + cluster);
                return () -> calls.add("heal " + cluster);
            }
        };
        Nemesis nemesis = FaultTypes.BUILT_IN.nemesis(null, clusters);

        nemesis.inject(ONE_OF_EACH.get(2)).heal();
        nemesis.inject(ONE_OF_EACH.get(3)).heal();

        assertThat(calls).containsExactly(
                "lose 2 nodes of us-east", "heal nodes of us-east", "lose us-east", "heal us-east");
        assertThat(ONE_OF_EACH).allMatch(nemesis::handles);
    }

    @Test
    void refusesASpecOfAnUnknownTypeAndATypeNamedTwice() {
        FaultSpec unknown = () -> "pause";

        assertThatThrownBy(() -> FaultTypes.BUILT_IN.of(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no fault type for a pause spec")
                .hasMessageContaining("known types are partition, latency, node-loss, cluster-loss");
        assertThat(FaultTypes.BUILT_IN.nemesis(null, null).handles(unknown)).isFalse();
        assertThatThrownBy(() -> FaultTypes.BUILT_IN.with(new LatencyFault()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'latency' repeats a name or a spec class");
    }
}
