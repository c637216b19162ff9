package io.mch.harness.config;

import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.config.Topology.GlobalLoadBalancerSpec;
import io.mch.harness.config.Topology.HealthCheck;
import io.mch.harness.config.Topology.KubernetesTimings;
import io.mch.harness.config.Topology.LbPolicy;
import io.mch.harness.config.Topology.RegionLatency;
import io.mch.harness.config.Topology.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheActivePassiveFixture() throws Exception {
        Path file = TestFiles.copyFromCheckout(dir, "topology-fixtures/active-passive.yaml");
        Path schedule = TestFiles.copyFromCheckout(dir, "topology-fixtures/velero/schedule.yaml");
        Path manifest = write(dir, "topology-fixtures/workloads/api-server.yaml", TestFiles.API_SERVER_MANIFEST);

        Topology topology = TopologyLoader.load(file);

        assertThat(topology.file()).isEqualTo(file);
        assertThat(topology.name()).isEqualTo("active-passive");
        assertThat(topology.clusters()).containsExactly(
                new ClusterSpec("us-east", "us-east-1", Role.ACTIVE, 3, Map.of("env", "production")),
                new ClusterSpec("eu-west", "eu-west-1", Role.PASSIVE, 3, Map.of("env", "production")));
        assertThat(topology.network().latency()).containsExactly(
                new RegionLatency("us-east-1", "eu-west-1", Duration.ofMillis(76), Duration.ofMillis(4)));
        assertThat(topology.network().clientsRegion()).isEqualTo("us-east-1");
        assertThat(topology.kubernetes())
                .isEqualTo(new KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(300)));
        assertThat(topology.fabric().globalLoadBalancer()).contains(new GlobalLoadBalancerSpec(LbPolicy.FAILOVER,
                Optional.of("us-east"), new HealthCheck(Duration.ofSeconds(5), Duration.ofSeconds(1), 3),
                Duration.ofSeconds(30), Map.of()));
        assertThat(topology.fabric().replication().orElseThrow().backup()).contains(Backups.every(
                "us-east", "default", Duration.ofMinutes(1), Optional.empty(), "eu-west",
                Optional.of(schedule.toAbsolutePath().normalize())));
        assertThat(topology.workload().manifests()).containsExactly(manifest.toAbsolutePath().normalize());
        assertThat(topology.workload().service()).isEqualTo("api-server");
    }

    @Test
    void fillsInDefaults() throws Exception {
        Path file = write(dir, "minimal.yaml", """
                name: minimal
                clusters:
                  - { name: hub, region: r1, role: hub }
                  - { name: spoke-a, region: r2, role: spoke }
                """);

        Topology topology = TopologyLoader.load(file);

        assertThat(topology.clusters().get(0)).isEqualTo(new ClusterSpec("hub", "r1", Role.HUB, 3, Map.of()));
        assertThat(topology.network().latency()).isEmpty();
        assertThat(topology.network().clientsRegion()).isEqualTo("r1");
        assertThat(topology.kubernetes())
                .isEqualTo(new KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(300)));
        assertThat(topology.fabric().globalLoadBalancer()).isEmpty();
        assertThat(topology.workload().manifests()).isEmpty();
    }

    @Test
    void defaultsTheLoadBalancerToFailOverToTheFirstActiveCluster() throws Exception {
        Path file = write(dir, "glb.yaml", """
                name: glb
                clusters:
                  - { name: standby, region: r1, role: passive }
                  - { name: main, region: r2, role: active }
                network:
                  latency:
                    - { between: [r1, r2], rtt: 10ms }
                  clients: {}
                fabric:
                  global-load-balancer: {}
                """);

        Topology topology = TopologyLoader.load(file);

        assertThat(topology.fabric().globalLoadBalancer()).contains(new GlobalLoadBalancerSpec(LbPolicy.FAILOVER,
                Optional.of("main"), new HealthCheck(Duration.ofSeconds(5), Duration.ofSeconds(1), 3),
                Duration.ofSeconds(30), Map.of()));
        assertThat(topology.network().latency())
                .containsExactly(new RegionLatency("r1", "r2", Duration.ofMillis(10), Duration.ZERO));
        assertThat(topology.network().clientsRegion()).isEqualTo("r1");
    }

    @Test
    void readsWeightsForTheWeightedPolicy() throws Exception {
        Path file = write(dir, "weighted.yaml", """
                name: weighted
                clusters:
                  - { name: a, region: r1, role: peer }
                  - { name: b, region: r2, role: peer }
                fabric:
                  global-load-balancer: { policy: weighted, weights: { a: 3, b: 1 } }
                """);

        GlobalLoadBalancerSpec glb = TopologyLoader.load(file).fabric().globalLoadBalancer().orElseThrow();

        assertThat(glb.policy()).isEqualTo(LbPolicy.WEIGHTED);
        assertThat(glb.primary()).isEmpty();
        assertThat(glb.weights()).isEqualTo(Map.of("a", 3, "b", 1));
    }

    @Test
    void reportsMissingRequiredFieldsAtTheMapping() {
        Path file = write(dir, "t.yaml", """
                network: {}
                """);

        assertThatThrownBy(() -> TopologyLoader.load(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem(file, 1, 1, "name", "required"),
                        new Problem(file, 1, 1, "clusters", "required")));
    }

    @Test
    void reportsClusterProblemsWithTheirPositions() {
        write(dir, "app.yaml", TestFiles.API_SERVER_MANIFEST);
        Path file = write(dir, "t.yaml", """
                name: Bad_Name
                clusters:
                  - name: us-east
                    region: us-east-1
                    role: leader
                    nodes: three
                  - name: us-east
                    region: us-east-1
                    zone: a
                  - name: eu-west
                    region: eu-west-1
                    role: passive
                    nodes: 0
                    labels: [env]
                """);

        assertThat(Validation.validate(file)).containsExactly(
                new Problem(file, 1, 7, "name",
                        "'Bad_Name' is not a valid name; use lower-case letters, digits and '-'"),
                new Problem(file, 5, 11, "clusters[0].role",
                        "'leader' is not one of active, passive, hub, spoke, peer"),
                new Problem(file, 6, 12, "clusters[0].nodes", "expected a whole number, found 'three'"),
                new Problem(file, 7, 5, "clusters[1].role", "required"),
                new Problem(file, 9, 5, "clusters[1].zone",
                        "unknown field 'zone'; allowed fields are name, region, role, nodes, labels, context;"
                                + " did you mean 'role'?"),
                new Problem(file, 13, 12, "clusters[2].nodes", "must be between 1 and 5000, found 0"),
                new Problem(file, 14, 13, "clusters[2].labels", "expected a mapping, found a list"));
    }

    @Test
    void reportsDuplicateAndReservedClusterNames() {
        Path file = write(dir, "t.yaml", """
                name: dup
                clusters:
                  - { name: a, region: r1, role: peer }
                  - { name: a, region: r2, role: peer }
                  - { name: clients, region: r2, role: peer }
                """);

        assertThat(Validation.validate(file)).containsExactly(
                new Problem(file, 4, 5, "clusters[1]", "duplicate cluster name 'a' (also clusters[0])"),
                new Problem(file, 5, 5, "clusters[2]",
                        "'clients' is reserved for an endpoint; choose another cluster name"));
    }

    @Test
    void reportsUnknownRegionsLoadBalancerAndManifestProblems() {
        Path file = write(dir, "t.yaml", """
                name: two
                clusters:
                  - { name: us-east, region: us-east-1, role: active }
                  - { name: eu-west, region: eu-west-1, role: passive }
                network:
                  latency:
                    - { between: [us-east-1, eu-wset-1], rtt: 76ms }
                    - { between: [us-east-1], rtt: 1ms, jitter: lots }
                  clients: { region: ap-south-1 }
                fabric:
                  global-load-balancer:
                    policy: failover
                    primary: us-est
                    healthcheck: { interval: 2s }
                    weights: { us-east: 1 }
                workload:
                  manifests: [workloads/missing.yaml]
                  service: api
                """);

        assertThat(Validation.validate(file)).containsExactly(
                new Problem(file, 7, 30, "network.latency[0].between[1]",
                        "unknown region 'eu-wset-1'; regions are us-east-1, eu-west-1; did you mean 'eu-west-1'?"),
                new Problem(file, 8, 18, "network.latency[1].between", "must name exactly two regions, found 1"),
                new Problem(file, 8, 49, "network.latency[1].jitter",
                        "malformed duration 'lots'; expected a number with unit ms, s, m or h, e.g. 30s, 1500ms, 0.5s, 3m"),
                new Problem(file, 9, 22, "network.clients.region",
                        "unknown region 'ap-south-1'; regions are us-east-1, eu-west-1"),
                new Problem(file, 13, 14, "fabric.global-load-balancer.primary",
                        "unknown cluster 'us-est'; clusters are us-east, eu-west; did you mean 'us-east'?"),
                new Problem(file, 14, 5, "fabric.global-load-balancer.healthcheck",
                        "unknown field 'healthcheck'; allowed fields are policy, primary, health-check, dns-ttl,"
                                + " weights, views, addresses; did you mean 'health-check'?"),
                new Problem(file, 15, 14, "fabric.global-load-balancer.weights", "only used by policy weighted"),
                new Problem(file, 17, 15, "workload.manifests[0]",
                        "file not found: " + dir.resolve("workloads/missing.yaml").toAbsolutePath().normalize()));
    }

    @Test
    void requiresWeightsForTheWeightedPolicyAndKnownClustersInThem() {
        Path file = write(dir, "t.yaml", """
                name: w
                clusters:
                  - { name: a, region: r1, role: peer }
                fabric:
                  global-load-balancer: { policy: weighted }
                  meshes: {}
                """);
        Path other = write(dir, "u.yaml", """
                name: w
                clusters:
                  - { name: a, region: r1, role: peer }
                fabric:
                  global-load-balancer: { policy: weighted, weights: { b: 1, a: -1 } }
                """);

        assertThat(Validation.validate(file)).containsExactly(
                new Problem(file, 5, 25, "fabric.global-load-balancer.weights", "required for policy weighted"),
                new Problem(file, 6, 3, "fabric.meshes", "unknown field 'meshes'; allowed fields are"
                        + " global-load-balancer, sync, mesh, replication; did you mean 'mesh'?"));
        assertThat(Validation.validate(other)).containsExactly(
                new Problem(other, 5, 59, "fabric.global-load-balancer.weights.b",
                        "unknown cluster 'b'; clusters are a; did you mean 'a'?"),
                new Problem(other, 5, 65, "fabric.global-load-balancer.weights.a", "must be between 0 and 255, found -1"));
    }

    @Test
    void loadThrowsOneExceptionWithAllProblems() {
        Path file = write(dir, "t.yaml", """
                name: x
                clusters: []
                kubernetes: { node-monitor-grace-period: 0s, pod-eviction-timeout: soon }
                """);

        assertThatThrownBy(() -> TopologyLoader.load(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem(file, 2, 11, "clusters", "must list at least one cluster"),
                        new Problem(file, 3, 42, "kubernetes.node-monitor-grace-period", "must be above zero"),
                        new Problem(file, 3, 68, "kubernetes.pod-eviction-timeout",
                                "malformed duration 'soon'; expected a number with unit ms, s, m or h,"
                                        + " e.g. 30s, 1500ms, 0.5s, 3m")))
                .hasMessageContaining(file + ":2:11: clusters: must list at least one cluster");
    }
}
