package io.mch.harness.backend.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mch.faults.Heal;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.docker.Containers;
import io.mch.harness.config.Topology;
import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.traffic.Http;
import io.mch.harness.workload.Workloads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/**
 * The k3s backend end to end, the same on the k3s stand-in here and on real k3s in the hosted
 * job: two clusters at once from a mirrored image name, the workload served through the ingress,
 * a node loss whose grace period and tolerations reached the server's flags, and a cluster loss
 * after whose heal a long-lived fabric client reaches the cluster again through the same address.
 * Afterwards no container or network of the run is left, and the containers' logs are kept.
 */
final class K3sEndToEnd {

    static final Topology.KubernetesTimings TIMINGS =
            new Topology.KubernetesTimings(Duration.ofSeconds(10), Duration.ofSeconds(15));

    private K3sEndToEnd() {}

    static Topology twoClusters() {
        return new Topology(Path.of("k3s-e2e.yaml"), "k3s-e2e",
                List.of(new Topology.ClusterSpec("east", "r1", Topology.Role.PEER, 2, Map.of()),
                        new Topology.ClusterSpec("west", "r2", Topology.Role.PEER, 1, Map.of())),
                new Topology.NetworkSpec(List.of(), "r1"), TIMINGS, new Topology.FabricSpec(Optional.empty()),
                new Topology.WorkloadSpec(List.of(K3sBackendTest.MANIFEST), "api-server"));
    }

    /** The image tagged under a mirror's name, as a user with a private registry would name it. */
    static String mirrored(String image) {
        String tag = "mch-mirrored-" + image.replaceAll("[^A-Za-z0-9_.-]", "_");
        DockerClientFactory.instance().client().tagImageCmd(image, "registry.example/rancher/k3s", tag).withForce().exec();
        return "registry.example/rancher/k3s:" + tag;
    }

    static void run(K3sOptions options, Path runDir, Duration nodeTimeout) throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        try (Fleet fleet = new K3sBackend(options).start(twoClusters(), RunContext.detached(TimeScale.REAL, runDir));
                Http http = new Http(2, Duration.ofSeconds(5))) {
            Cluster east = fleet.cluster("east");
            assertThat(east.status()).isEqualTo("Healthy");
            assertThat(fleet.cluster("west").status()).isEqualTo("Healthy");
            assertThat(runContainers(docker)).hasSize(3)
                    .allSatisfy(c -> assertThat(docker.inspectContainerCmd(c.getId()).exec().getHostConfig()
                            .getCgroupnsMode()).isEqualTo("private"));
            // k3s annotates a node after it registers it, so the annotation may come after Ready.
            await().atMost(nodeTimeout).ignoreExceptions().until(() -> nodeArgs(east, "east-server") != null
                    && nodeArgs(east, "east-agent-1") != null);
            assertThat(String.join(" ", nodeArgs(east, "east-server"))).contains(
                    "node-monitor-grace-period=10s", "default-not-ready-toleration-seconds=15",
                    "default-unreachable-toleration-seconds=15", "node-lease-duration-seconds=10");
            assertThat(String.join(" ", nodeArgs(east, "east-agent-1"))).contains("node-lease-duration-seconds=10");

            Workloads.apply(east.client(), List.of(K3sBackendTest.MANIFEST));
            await().atMost(nodeTimeout).ignoreExceptions()
                    .until(() -> http.get(east.ingress(), "/healthz/api-server").status() == 200);
            // The NodePort copy of the service is made on the first request; the node port serves once its endpoints exist.
            await().atMost(nodeTimeout).ignoreExceptions()
                    .until(() -> http.get(east.ingress(), "/api-server/").status() == 200);
            Http.Response served = http.get(east.ingress(), "/api-server/");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.cluster()).isEqualTo("east");

            Heal nodeLoss = fleet.loseNodes("east", 1);
            assertThat(east.status()).isEqualTo("Degraded");
            await().atMost(nodeTimeout).ignoreExceptions().until(() -> !K3sCluster.ready(node(east, "east-agent-1")));
            nodeLoss.heal();
            await().atMost(nodeTimeout).ignoreExceptions().until(() -> K3sCluster.ready(node(east, "east-agent-1")));

            InetSocketAddress api = east.apiServer();
            // Other clusters connect to the forwarder, never to the port Docker publishes (which a restart may change).
            assertThat(api.getPort()).isNotEqualTo(publishedApiPort(docker, east));
            try (KubernetesClient fabric = fabricClient(east)) {
                assertThat(fabric.namespaces().withName("default").get()).isNotNull();
                Heal clusterLoss = fleet.loseCluster("east");
                assertThat(east.status()).isEqualTo("Lost");
                assertThatThrownBy(() -> fabric.namespaces().withName("default").get()).isInstanceOf(RuntimeException.class);
                clusterLoss.heal();
                assertThat(east.apiServer()).isEqualTo(api);
                assertThat(api.getPort()).isNotEqualTo(publishedApiPort(docker, east));
                await().atMost(nodeTimeout).ignoreExceptions()
                        .until(() -> fabric.namespaces().withName("default").get() != null);
                await().atMost(nodeTimeout).until(() -> east.status().equals("Healthy"));
            }
        } finally {
            assertThat(runContainers(docker)).isEmpty();
            assertThat(docker.listNetworksCmd().withFilter("label", List.of(RunResources.LABEL)).exec()).isEmpty();
        }
        try (Stream<Path> logs = Files.list(runDir.resolve("k3s-logs"))) {
            assertThat(logs.filter(p -> p.toString().endsWith(".log")).filter(K3sEndToEnd::nonEmpty).toList()).hasSize(3);
        }
    }

    /** Built as the fabric builds its clients (see FabricContext#apiClient), aimed at the cluster's stable address. */
    private static KubernetesClient fabricClient(Cluster cluster) {
        InetSocketAddress api = cluster.apiServer();
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.client().getConfiguration())
                .withMasterUrl("https://" + api.getAddress().getHostAddress() + ":" + api.getPort())
                .withDisableHostnameVerification(true).withRequestTimeout(3_000).withConnectionTimeout(3_000)
                .withRequestRetryBackoffLimit(0).build()).build();
    }

    private static int publishedApiPort(DockerClient docker, Cluster cluster) {
        Container server = runContainers(docker).stream()
                .filter(c -> c.getCommand().contains("--node-name=" + cluster.name() + "-server"))
                .findFirst().orElseThrow();
        return Containers.hostPort(docker, server.getId(), K3sNodes.API_PORT).orElseThrow();
    }

    private static List<Container> runContainers(DockerClient docker) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(RunResources.LABEL)).exec();
    }

    private static Node node(Cluster cluster, String name) {
        return cluster.client().nodes().withName(name).get();
    }

    /** The node's {@code k3s.io/node-args} annotation, which k3s (and the stand-in) writes from its command line; null before. */
    private static List<String> nodeArgs(Cluster cluster, String name) {
        String json = node(cluster, name).getMetadata().getAnnotations().get("k3s.io/node-args");
        return json == null ? null : List.of(Serialization.unmarshal(json, String[].class));
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
