package io.mch.harness.config;

import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.faults.spec.ScheduledFault;
import io.mch.reports.judge.SloTargets;
import io.mch.reports.judge.SloTargets.AvailabilityTarget;
import io.mch.reports.judge.SloTargets.LatencyTarget;
import io.mch.harness.config.Topology.HealthCheck;
import io.mch.harness.config.Topology.KubernetesTimings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @TempDir
    Path dir;

    private Fixtures fixtures;

    @BeforeEach
    void twoClusterFixture() {
        fixtures = TestFiles.twoClusterFixtures(dir);
    }

    @Test
    void fillsInDefaults() throws Exception {
        Path file = write(dir, "s.yaml", """
                name: minimal
                topology: two
                duration: 1m
                """);

        Scenario scenario = ScenarioLoader.load(file, fixtures);

        assertThat(scenario.file()).isEqualTo(file);
        assertThat(scenario.name()).isEqualTo("minimal");
        assertThat(scenario.description()).isEmpty();
        assertThat(scenario.topology().name()).isEqualTo("two");
        assertThat(scenario.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(scenario.seed()).isEqualTo(OptionalLong.empty());
        assertThat(scenario.traffic()).isEqualTo(new Scenario.Traffic(20, Duration.ofSeconds(1)));
        assertThat(scenario.faults()).isEmpty();
        assertThat(scenario.slo()).isEqualTo(SloTargets.none());
    }

    @Test
    void bindsEveryFaultTypeAndSlo() throws Exception {
        Path file = write(dir, "s.yaml", """
                name: all-faults
                topology: two
                duration: 5m
                seed: 42
                traffic: { rate: 600/m }
                faults:
                  - at: 0s
                    partition: { between: [us-east], and: [clients], direction: to }
                  - at: 20s
                    for: 1500ms
                    latency: { between: [us-east], and: [eu-west, global-load-balancer], add: 20ms }
                  - at: 2m
                    node-loss: { cluster: eu-west }
                  - at: 150s
                    for: 0.5m
                    cluster-loss: { cluster: us-east }
                slo:
                  cross-cluster-latency: { max: 50ms }
                  availability: { min: 99.95 }
                """);

        Scenario scenario = ScenarioLoader.load(file, fixtures);

        assertThat(scenario.seed()).isEqualTo(OptionalLong.of(42));
        assertThat(scenario.traffic()).isEqualTo(new Scenario.Traffic(10, Duration.ofSeconds(1)));
        assertThat(scenario.faults()).containsExactly(
                new ScheduledFault(0, Duration.ZERO, Optional.empty(),
                        new FaultSpec.Partition(List.of("us-east"), List.of("clients"), PartitionDirection.TO)),
                new ScheduledFault(1, Duration.ofSeconds(20), Optional.of(Duration.ofMillis(1500)),
                        new FaultSpec.Latency(List.of("us-east"), List.of("eu-west", "global-load-balancer"),
                                Duration.ofMillis(20), Duration.ZERO)),
                new ScheduledFault(2, Duration.ofMinutes(2), Optional.empty(), new FaultSpec.NodeLoss("eu-west", 1)),
                new ScheduledFault(3, Duration.ofSeconds(150), Optional.of(Duration.ofSeconds(30)),
                        new FaultSpec.ClusterLoss("us-east")));
        assertThat(scenario.slo()).isEqualTo(new SloTargets(Optional.empty(),
                Optional.of(new LatencyTarget(99, Duration.ofMillis(50))), Optional.empty(),
                Optional.of(new AvailabilityTarget(99.95, 4))));
    }

    @Test
    void mergesOverridesIntoTheTopology() throws Exception {
        Path file = write(dir, "s.yaml", """
                name: merged
                topology: two
                overrides:
                  clusters:
                    - { name: solo, region: r9, role: active, nodes: 5 }
                  kubernetes: { pod-eviction-timeout: 15s }
                  fabric:
                    global-load-balancer: { health-check: { interval: 2s } }
                duration: 1m
                faults:
                  - { at: 1s, node-loss: { cluster: solo, count: 5 } }
                """);

        Topology topology = ScenarioLoader.load(file, fixtures).topology();

        assertThat(topology.clusterNames()).containsExactly("solo");
        assertThat(topology.network().clientsRegion()).isEqualTo("r9");
        assertThat(topology.kubernetes())
                .isEqualTo(new KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(15)));
        assertThat(topology.fabric().globalLoadBalancer().orElseThrow().healthCheck())
                .isEqualTo(new HealthCheck(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
        assertThat(topology.fabric().globalLoadBalancer().orElseThrow().primary()).contains("solo");
        assertThat(topology.workload().service()).isEqualTo("api-server");
    }

    @Test
    void reportsMissingRequiredFields() {
        Path file = write(dir, "s.yaml", """
                description: nothing else
                seed: 1
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 1, 1, "", "neither a scenario (it would have 'topology:' and 'duration:')"
                        + " nor a topology (it would have 'clusters:')"));
        assertThatThrownBy(() -> ScenarioLoader.load(file, fixtures))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem(file, 1, 1, "name", "required"),
                        new Problem(file, 1, 1, "topology", "required"),
                        new Problem(file, 1, 1, "duration", "required")));
    }

    @Test
    void reportsUnknownClustersAndEndpointsInFaults() {
        Path file = write(dir, "s.yaml", """
                name: typo
                topology: two
                duration: 3m
                faults:
                  - at: 10s
                    latency: { between: [us-east], and: [eu-west], add: 5ms }
                  - at: 20s
                    cluster-loss: { cluster: clients }
                  - at: 30s
                    partition:
                      between: [us-est]
                      and: [client, us-east, eu-west]
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 8, 30, "faults[1].cluster-loss.cluster",
                        "unknown cluster 'clients'; clusters are us-east, eu-west"),
                new Problem(file, 11, 17, "faults[2].partition.between[0]",
                        "unknown cluster 'us-est'; clusters are us-east, eu-west; did you mean 'us-east'?"),
                new Problem(file, 12, 13, "faults[2].partition.and[0]",
                        "unknown cluster 'client'; clusters are us-east, eu-west; did you mean 'clients'?"));
    }

    @Test
    void reportsFaultsThatCannotHappenAsWritten() {
        Path file = write(dir, "s.yaml", """
                name: impossible
                topology: two
                duration: 60s
                faults:
                  - { at: 60s, cluster-loss: { cluster: us-east } }
                  - { at: 30s, for: 31s, cluster-loss: { cluster: us-east } }
                  - { at: 10s, node-loss: { cluster: eu-west, count: 3 } }
                  - { at: 10s, node-loss: { cluster: us-east, count: 0 } }
                  - { at: 10s }
                  - { at: 10s, cluster-loss: { cluster: us-east }, node-loss: { cluster: us-east } }
                  - { at: 1s, partition: { between: [us-east], and: [us-east], direction: sideways } }
                  - { at: 1s, for: 0s, latency: { between: [], and: [clients] } }
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 5, 11, "faults[0].at", "60s is not before the end of the scenario (duration 60s)"),
                new Problem(file, 6, 21, "faults[1].for", "the fault would end at 61s, after the scenario ends"
                        + " (duration 60s); shorten it, or omit 'for' to last until the end"),
                new Problem(file, 7, 54, "faults[2].node-loss.count", "3 exceeds the 2 nodes of cluster 'eu-west'"),
                new Problem(file, 8, 54, "faults[3].node-loss.count", "must be at least 1, found 0"),
                new Problem(file, 9, 5, "faults[4]",
                        "no fault type; give exactly one of partition, latency, node-loss, cluster-loss"),
                new Problem(file, 10, 5, "faults[5]",
                        "more than one fault type (node-loss, cluster-loss); give each its own list item"),
                new Problem(file, 11, 54, "faults[6].partition.and[0]", "'us-east' is on both sides"),
                new Problem(file, 11, 75, "faults[6].partition.direction",
                        "'sideways' is not one of both, to, from"),
                new Problem(file, 12, 20, "faults[7].for", "must be above zero"),
                new Problem(file, 12, 33, "faults[7].latency.add", "required"),
                new Problem(file, 12, 44, "faults[7].latency.between", "must name at least one cluster or endpoint"));
    }

    @Test
    void reportsSlosWithoutTargetsAndOutOfRangeValues() {
        Path file = write(dir, "s.yaml", """
                name: slos
                topology: two
                duration: 1m
                traffic: { rate: 50, timeout: 0s }
                slo:
                  failover-time: { maximum: 2m }
                  cross-cluster-latency: { percentile: 0, max: 50ms }
                  config-consistency: { min: 101% }
                  availability: {}
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 4, 18, "traffic.rate",
                        "malformed rate '50'; expected a number per s, m or h, e.g. 50/s or 600/m"),
                new Problem(file, 4, 31, "traffic.timeout", "must be above zero"),
                new Problem(file, 6, 18, "slo.failover-time.max", "required"),
                new Problem(file, 6, 20, "slo.failover-time.maximum",
                        "unknown field 'maximum'; allowed fields are max"),
                new Problem(file, 7, 40, "slo.cross-cluster-latency.percentile", "percentile 0 is outside (0, 100]"),
                new Problem(file, 8, 30, "slo.config-consistency.min", "percentage '101%' is above 100%"),
                new Problem(file, 9, 17, "slo.availability.min", "required"));
    }

    @Test
    void rejectsFractionalAndTooHighPercentiles() {
        Path file = write(dir, "s.yaml", """
                name: p
                topology: two
                duration: 1m
                slo:
                  cross-cluster-latency: { percentile: 99.9, max: 50ms }
                """);
        Path other = write(dir, "t.yaml", """
                name: p
                topology: two
                duration: 1m
                slo:
                  cross-cluster-latency: { percentile: 100.5, max: 50ms }
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(new Problem(file, 5, 40,
                "slo.cross-cluster-latency.percentile", "percentile must be a whole number, found 99.9"));
        assertThat(Validation.validate(other, fixtures)).containsExactly(new Problem(other, 5, 40,
                "slo.cross-cluster-latency.percentile", "percentile 100.5 is outside (0, 100]"));
    }

    @Test
    void reportsOverrideProblemsAgainstTheScenarioFile() {
        Path file = write(dir, "s.yaml", """
                name: bad-overrides
                topology: two
                overrides:
                  kubernetes: { pod-eviction-timout: 15s }
                  fabric:
                    global-load-balancer:
                      primary: us-est
                      health-check: { interval: often }
                  network: 5
                duration: 1m
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 4, 17, "overrides.kubernetes.pod-eviction-timout",
                        "unknown field 'pod-eviction-timout'; allowed fields are node-monitor-grace-period,"
                                + " pod-eviction-timeout; did you mean 'pod-eviction-timeout'?"),
                new Problem(file, 7, 16, "overrides.fabric.global-load-balancer.primary",
                        "unknown cluster 'us-est'; clusters are us-east, eu-west; did you mean 'us-east'?"),
                new Problem(file, 8, 33, "overrides.fabric.global-load-balancer.health-check.interval",
                        "malformed duration 'often'; expected a number with unit ms, s, m or h,"
                                + " e.g. 30s, 1500ms, 0.5s, 3m"),
                new Problem(file, 9, 12, "overrides.network", "expected a mapping, found '5'"));
    }

    @Test
    void reportsOverridesThatReplaceATopologyValueWithTheWrongType() {
        Path file = write(dir, "s.yaml", """
                name: bad-overrides
                topology: two
                overrides: [kubernetes]
                duration: 1m
                """);

        assertThat(Validation.validate(file, fixtures))
                .containsExactly(new Problem(file, 3, 12, "overrides", "expected a mapping of topology fields to override"));
    }

    @Test
    void reportsProblemsOfBothFilesAtOnce() {
        Path topology = write(dir, "topology-fixtures/broken.yaml", """
                name: broken
                clusters:
                  - { name: a, region: r1, role: peer, nodes: 2 }
                workload: { manifests: [gone.yaml], service: api }
                """);
        Path file = write(dir, "s.yaml", """
                name: Both
                topology: broken
                duration: 1m
                faults:
                  - { at: 2m, node-loss: { cluster: a, count: 3 } }
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 1, 7, "name", "'Both' is not a valid name; use lower-case letters, digits and '-'"),
                new Problem(file, 5, 11, "faults[0].at", "120s is not before the end of the scenario (duration 60s)"),
                new Problem(file, 5, 47, "faults[0].node-loss.count", "3 exceeds the 2 nodes of cluster 'a'"),
                new Problem(topology.toAbsolutePath().normalize(), 4, 25, "workload.manifests[0]",
                        "file not found: " + dir.resolve("topology-fixtures/gone.yaml").toAbsolutePath().normalize()));
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirPosition() {
        Path file = write(dir, "s.yaml", """
                name: syntax
                topology: two
                faults:
                  - at: 10s
                   for: 5s
                """);

        List<Problem> problems = Validation.validate(file, fixtures);

        assertThat(problems).containsExactly(new Problem(file, 5, 4, "",
                "invalid YAML: expected <block end>, but found '<block mapping start>'"
                        + " (while parsing a block collection)"));
    }

    @Test
    void reportsDuplicateKeys() {
        Path file = write(dir, "s.yaml", """
                name: dup
                topology: two
                duration: 1m
                duration: 2m
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 4, 1, "duration", "duplicate key 'duration' (first at line 3)"));
    }
}
