package io.mch.harness.backend.kubeconfig;

import io.mch.harness.runtime.TimeScale;
import io.mch.harness.runtime.RunContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.mch.faults.Heal;
import io.mch.harness.backend.Fleet;
import io.mch.harness.config.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubeconfig backend against mock API servers reached through a real kubeconfig file. */
class KubeconfigBackendTest {

    private static final String RUN = "run-1";

    @TempDir
    Path dir;

    private MockClusters mocks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @AfterEach
    void stop() {
        if (mocks != null) {
            mocks.close();
        }
    }

    @Test
    void nodeLossCordonsAndTaintsTheNodeWithMostWorkloadPodsAndItsHealRevertsBoth() {
        mocks = MockClusters.start(dir, "a");
        KubernetesClient seed = mocks.client("a");
        List.of("n1", "n2", "n3").forEach(n -> seed.nodes().resource(MockClusters.readyNode(n)).create());
        seed.services().inNamespace("default").resource(service()).create();
        pod(seed, "p1", "n2");
        pod(seed, "p2", "n2");
        pod(seed, "p3", "n1");

        try (Fleet fleet = backend(Set.of("a")).start(topology("a"), RunContext.detached(TimeScale.REAL, Path.of("target")))) {
            Heal heal = fleet.loseNodes("a", 1);

            Node lost = seed.nodes().withName("n2").get();
            assertThat(lost.getSpec().getUnschedulable()).isTrue();
            assertThat(lost.getSpec().getTaints()).singleElement().satisfies(t -> {
                assertThat(t.getKey()).isEqualTo("mch.io/node-loss");
                assertThat(t.getValue()).isEqualTo(RUN);
                assertThat(t.getEffect()).isEqualTo("NoExecute");
            });
            assertThat(lost.getMetadata().getAnnotations()).containsEntry("mch.io/cordoned-by", RUN);
            assertThat(seed.nodes().withName("n1").get().getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
            assertThat(seed.nodes().withName("n3").get().getSpec().getTaints()).isNullOrEmpty();

            heal.heal();

            Node back = seed.nodes().withName("n2").get();
            assertThat(back.getSpec().getUnschedulable()).isFalse();
            assertThat(back.getSpec().getTaints()).isNullOrEmpty();
            assertThat(back.getMetadata().getAnnotations()).doesNotContainKey("mch.io/cordoned-by");
        }
    }

    @Test
    void whatTheRunCreatesIsLabelledAndRemovedOnCloseWhileWhatItUpdatedStays() {
        mocks = MockClusters.start(dir, "a");
        KubernetesClient seed = mocks.client("a");
        seed.configMaps().inNamespace("default").resource(configMap("theirs", "old")).create();

        Fleet fleet = backend(Set.of()).start(topology("a"), RunContext.detached(TimeScale.REAL, Path.of("target")));
        try {
            KubernetesClient client = fleet.cluster("a").client();
            client.resource(configMap("ours", "x")).createOr(NonDeletingOperation::update);
            client.resource(configMap("theirs", "new")).createOr(NonDeletingOperation::update);

            assertThat(seed.configMaps().inNamespace("default").withName("ours").get().getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/managed-by", "mch")
                    .containsEntry("mch.io/run", RUN);
            ConfigMap theirs = seed.configMaps().inNamespace("default").withName("theirs").get();
            assertThat(theirs.getData()).containsEntry("k", "new");
            assertThat(theirs.getMetadata().getLabels()).isNullOrEmpty();
        } finally {
            fleet.close();
        }

        assertThat(seed.configMaps().inNamespace("default").withName("ours").get()).isNull();
        assertThat(seed.configMaps().inNamespace("default").withName("theirs").get()).isNotNull();
    }

    @Test
    void theIngressReachesTheWorkloadThroughTheServiceProxyAndClusterLossClosesItAndTheApiGate() throws Exception {
        mocks = MockClusters.start(dir, "a");
        KubernetesClient seed = mocks.client("a");
        seed.nodes().resource(MockClusters.readyNode("n1")).create();
        seed.services().inNamespace("default").resource(service()).create();
        seed.endpoints().inNamespace("default").resource(new EndpointsBuilder()
                .withNewMetadata().withName("api-server").withNamespace("default").endMetadata()
                .addNewSubset().addNewAddress().withIp("10.0.0.1").endAddress().addNewPort().withPort(8080).endPort().endSubset()
                .build()).create();
        mocks.server("a").expect().get().withPath("/api/v1/namespaces/default/services/api-server:80/proxy/hello")
                .andReply(200, r -> "hello from the pod").withHeader("X-Mch-Pod", "p1").always();

        try (Fleet fleet = backend(Set.of("a")).start(topology("a"), RunContext.detached(TimeScale.REAL, Path.of("target")))) {
            InetSocketAddress ingress = fleet.cluster("a").ingress();
            InetSocketAddress gate = fleet.cluster("a").apiServer();
            assertThat(ingress.getAddress().isLoopbackAddress()).isTrue();

            HttpResponse<String> served = get(ingress, "/api-server/hello");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo("hello from the pod");
            assertThat(served.headers().firstValue("X-Mch-Cluster")).contains("a");
            assertThat(served.headers().firstValue("X-Mch-Pod")).contains("p1");
            assertThat(get(ingress, "/healthz/api-server").statusCode()).isEqualTo(200);
            assertThat(get(ingress, "/no-such-service/").statusCode()).isEqualTo(404);
            assertThat(get(gate, "/api/v1/nodes").body()).contains("n1");

            Heal loss = fleet.loseCluster("a");

            assertThat(fleet.cluster("a").status()).isEqualTo("Lost");
            assertThatThrownBy(() -> get(ingress, "/api-server/hello")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> get(gate, "/api/v1/nodes")).isInstanceOf(IOException.class);
            assertThat(fleet.cluster("a").client().nodes().list().getItems()).hasSize(1);

            loss.heal();

            assertThat(get(ingress, "/api-server/hello").statusCode()).isEqualTo(200);
            assertThat(get(gate, "/api/v1/nodes").statusCode()).isEqualTo(200);
            assertThat(fleet.cluster("a").status()).isEqualTo("Healthy");
        }
    }

    @Test
    void anUnreachableClusterIsRefusedNamingItsContextAndNothingIsLeftOpen() {
        mocks = MockClusters.start(dir, "a", "gone");
        mocks.server("gone").destroy();

        assertThatThrownBy(() -> backend(Set.of()).start(topology("a", "gone"), RunContext.detached(TimeScale.REAL, Path.of("target"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("context 'gone'")
                .hasMessageContaining("cannot be reached");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && t.getName().startsWith("mch-a-ingress"));
    }

    @Test
    void aContextTheKubeconfigDoesNotHaveIsNamedWithTheOnesItHas() {
        mocks = MockClusters.start(dir, "a");
        var options = new KubeconfigOptions(List.of(mocks.kubeconfig()), Map.of("a", "prod-eu"), Set.of(), RUN);

        assertThatThrownBy(() -> new KubeconfigBackend(options).start(topology("a"), RunContext.detached(TimeScale.REAL, Path.of("target"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context 'prod-eu' is not in")
                .hasMessageContaining("its contexts are a");
    }

    private KubeconfigBackend backend(Set<String> allowDestructive) {
        return new KubeconfigBackend(new KubeconfigOptions(List.of(mocks.kubeconfig()), Map.of(), allowDestructive, RUN));
    }

    private HttpResponse<String> get(InetSocketAddress address, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Topology topology(String... clusters) {
        return new Topology(Path.of("t.yaml"), "t",
                java.util.Arrays.stream(clusters)
                        .map(c -> new Topology.ClusterSpec(c, "r-" + c, Topology.Role.PEER, 3, Map.of()))
                        .toList(),
                new Topology.NetworkSpec(List.of(), "r-" + clusters[0]),
                new Topology.KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(300)),
                new Topology.FabricSpec(Optional.empty()),
                new Topology.WorkloadSpec(List.of(), "api-server"));
    }

    private static io.fabric8.kubernetes.api.model.Service service() {
        return new ServiceBuilder()
                .withNewMetadata().withName("api-server").withNamespace("default").endMetadata()
                .withNewSpec().withSelector(Map.of("app", "api-server")).addNewPort().withPort(80).endPort().endSpec()
                .build();
    }

    private static void pod(KubernetesClient client, String name, String node) {
        client.pods().inNamespace("default").resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("default").withLabels(Map.of("app", "api-server")).endMetadata()
                .withNewSpec().withNodeName(node).endSpec()
                .build()).create();
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder()
                .withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withData(Map.of("k", value))
                .build();
    }
}
