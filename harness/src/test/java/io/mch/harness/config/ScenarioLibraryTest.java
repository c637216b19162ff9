package io.mch.harness.config;

import static io.mch.harness.config.TestFiles.copyFromCheckout;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.faults.spec.ScheduledFault;
import io.mch.reports.judge.LatencyScope;
import io.mch.reports.judge.SloTargets;
import io.mch.reports.judge.SloTargets.AvailabilityTarget;
import io.mch.reports.judge.SloTargets.LatencyTarget;
import io.mch.harness.config.Topology.GlobalLoadBalancerSpec;
import io.mch.harness.config.Topology.HealthCheck;
import io.mch.harness.config.Topology.KubernetesTimings;
import io.mch.harness.config.Topology.LbPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's own scenarios and fixture, copied into the same layout (with a stand-in workload
 * manifest) and loaded the way {@code ./mch run} loads them: the fixture is found by walking up
 * from the scenario's directory.
 */
class ScenarioLibraryTest {

    @TempDir
    Path checkout;

    private Path fixture;

    @BeforeEach
    void copyTheLibrary() {
        fixture = copyFromCheckout(checkout, "topology-fixtures/active-passive.yaml").toAbsolutePath().normalize();
        copyFromCheckout(checkout, "topology-fixtures/velero/schedule.yaml");
        write(checkout, "topology-fixtures/workloads/api-server.yaml", TestFiles.API_SERVER_MANIFEST);
    }

    @Test
    void regionPartitionFailsOverWithFasterHealthChecks() throws Exception {
        Path file = copyFromCheckout(checkout, "scenarios/active-passive-region-partition.yaml");

        Scenario scenario = ScenarioLoader.load(file);

        assertThat(scenario.name()).isEqualTo("active-passive-region-partition");
        assertThat(scenario.description()).endsWith("?");
        assertThat(scenario.topology().file()).isEqualTo(fixture);
        assertThat(scenario.topology().clusterNames()).containsExactly("us-east", "eu-west");
        assertThat(scenario.topology().kubernetes())
                .isEqualTo(new KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(300)));
        assertThat(scenario.topology().fabric().globalLoadBalancer()).contains(new GlobalLoadBalancerSpec(
                LbPolicy.FAILOVER, Optional.of("us-east"),
                new HealthCheck(Duration.ofSeconds(2), Duration.ofMillis(500), 3), Duration.ofSeconds(10), Map.of()));
        assertThat(scenario.topology().workload().manifests())
                .containsExactly(fixture.resolveSibling("workloads/api-server.yaml"));
        assertThat(scenario.duration()).isEqualTo(Duration.ofSeconds(75));
        assertThat(scenario.seed()).isEqualTo(OptionalLong.empty());
        assertThat(scenario.traffic()).isEqualTo(new Scenario.Traffic(20, Duration.ofSeconds(1)));
        assertThat(scenario.faults()).containsExactly(new ScheduledFault(0, Duration.ofSeconds(15),
                Optional.of(Duration.ofSeconds(40)), new FaultSpec.Partition(List.of("us-east"),
                        List.of("clients", "global-load-balancer", "eu-west"), PartitionDirection.BOTH)));
        assertThat(scenario.slo()).isEqualTo(new SloTargets(Optional.of(Duration.ofMinutes(2)),
                Optional.of(new LatencyTarget(99, Duration.ofMillis(50), LatencyScope.sameRegion())), Optional.of(100.0),
                Optional.of(new AvailabilityTarget(70, 4))));
    }

    @Test
    void nodeLossShortensTheNodeLifecycleTimings() throws Exception {
        Path file = copyFromCheckout(checkout, "scenarios/active-passive-node-loss.yaml");

        Scenario scenario = ScenarioLoader.load(file);

        assertThat(scenario.name()).isEqualTo("active-passive-node-loss");
        assertThat(scenario.topology().kubernetes())
                .isEqualTo(new KubernetesTimings(Duration.ofSeconds(10), Duration.ofSeconds(15)));
        assertThat(scenario.topology().fabric().globalLoadBalancer().orElseThrow().healthCheck())
                .isEqualTo(new HealthCheck(Duration.ofSeconds(5), Duration.ofSeconds(1), 3));
        assertThat(scenario.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(scenario.traffic()).isEqualTo(new Scenario.Traffic(20, Duration.ofSeconds(1)));
        assertThat(scenario.faults()).containsExactly(new ScheduledFault(0, Duration.ofSeconds(10),
                Optional.of(Duration.ofSeconds(30)), new FaultSpec.NodeLoss("us-east", 1)));
        assertThat(scenario.slo()).isEqualTo(new SloTargets(Optional.of(Duration.ofMinutes(2)), Optional.empty(),
                Optional.of(100.0), Optional.of(new AvailabilityTarget(90, 4))));
    }

    @Test
    void everyLibraryFileValidates() {
        Path partition = copyFromCheckout(checkout, "scenarios/active-passive-region-partition.yaml");
        Path nodeLoss = copyFromCheckout(checkout, "scenarios/active-passive-node-loss.yaml");

        assertThat(Validation.validate(fixture)).isEmpty();
        assertThat(Validation.validate(partition)).isEmpty();
        assertThat(Validation.validate(nodeLoss)).isEmpty();
    }
}
