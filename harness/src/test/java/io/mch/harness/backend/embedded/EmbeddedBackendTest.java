package io.mch.harness.backend.embedded;

import static io.mch.harness.backend.embedded.TestFleets.MANIFEST;
import static io.mch.harness.backend.embedded.TestFleets.SERVICE;
import static io.mch.harness.backend.embedded.TestFleets.fastTimings;
import static io.mch.harness.backend.embedded.TestFleets.get;
import static io.mch.harness.backend.embedded.TestFleets.topology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.faults.Heal;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.workload.Workloads;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmbeddedBackendTest {

    private static final Duration AWHILE = Duration.ofSeconds(15);

    private final TestFleets.RecordingRun listener = new TestFleets.RecordingRun();

    @Test
    void servesTheWorkloadThroughEachClustersIngress() throws Exception {
        var backend = new EmbeddedBackend().withTimings(fastTimings(Duration.ofSeconds(10)));
        try (Fleet fleet = backend.start(topology(Duration.ofSeconds(2), Duration.ofSeconds(2), "east", "west"), listener.context)) {
            assertThat(backend.name()).isEqualTo("embedded");
            deploy(fleet);
            await().atMost(AWHILE).until(() -> listener.nodeStatus.size() == 6);
            assertThat(listener.nodeStatus).containsEntry("east-node-1", "True").containsEntry("west-node-3", "True");
            assertThat(listener.nodeStatus.values()).containsOnly("True");
            for (int i = 0; i < 2; i++) {
                Cluster cluster = fleet.clusters().get(i);
                KubernetesClient client = cluster.client();
                assertThat(cluster.ingress().getAddress().getHostAddress()).isEqualTo("127.0." + (i + 1) + ".1");
                assertThat(client.getMasterUrl().getHost()).isEqualTo("127.0." + (i + 1) + ".1");
                assertThat(client.nodes().list().getItems())
                        .extracting(n -> n.getMetadata().getName() + "=" + NodeLifecycleController.readyStatus(n))
                        .containsExactlyInAnyOrder(
                                cluster.name() + "-node-1=True", cluster.name() + "-node-2=True", cluster.name() + "-node-3=True");
                assertThat(client.leases().inNamespace("kube-node-lease").list().getItems()).hasSize(3);
                List<Pod> pods = workloadPods(client);
                assertThat(pods).extracting(p -> p.getMetadata().getName()).allMatch(n -> n.matches("api-server-[a-z0-9]{5}"));
                assertThat(pods).extracting(Pods::nodeName).doesNotHaveDuplicates();

                Set<String> answering = new HashSet<>();
                for (int r = 0; r < 3; r++) {
                    HttpResponse<String> response = get(cluster.ingress(), "/api-server/anything", Duration.ofSeconds(2));
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.headers().firstValue("X-Mch-Cluster")).contains(cluster.name());
                    String pod = response.headers().firstValue("X-Mch-Pod").orElseThrow();
                    assertThat(response.body()).isEqualTo("{\"cluster\":\"" + cluster.name() + "\",\"pod\":\"" + pod + "\"}");
                    answering.add(pod);
                }
                assertThat(answering).containsExactlyInAnyOrderElementsOf(
                        pods.stream().map(p -> p.getMetadata().getName()).toList());
                assertThat(get(cluster.ingress(), "/healthz/api-server", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
                assertThat(get(cluster.ingress(), "/no-such-service/x", Duration.ofSeconds(2)).statusCode()).isEqualTo(404);
                assertThat(cluster.status()).isEqualTo("Healthy");
            }

            Cluster east = fleet.cluster("east");
            setReplicas(east.client(), 0);
            await().atMost(AWHILE).until(() -> workloadPods(east.client()).isEmpty());
            await().atMost(AWHILE).until(() -> get(east.ingress(), "/api-server/x", Duration.ofSeconds(2)).statusCode() == 503);
            assertThat(get(east.ingress(), "/healthz/api-server", Duration.ofSeconds(2)).statusCode()).isEqualTo(503);
            assertThat(get(fleet.cluster("west").ingress(), "/api-server/x", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aLostNodeGoesUnknownLosesItsPodsToOtherNodesAndComesBackReady() throws Exception {
        var backend = new EmbeddedBackend().withTimings(fastTimings(Duration.ofSeconds(1)));
        try (Fleet fleet = backend.start(topology(Duration.ofSeconds(2), Duration.ofSeconds(2), "east"), listener.context)) {
            deploy(fleet);
            Cluster east = fleet.cluster("east");
            KubernetesClient client = east.client();
            String lost = "east-node-1"; // one replica per node: the tie goes to the first name
            String podOnLostNode = workloadPods(client).stream()
                    .filter(p -> lost.equals(Pods.nodeName(p)))
                    .map(p -> p.getMetadata().getName())
                    .findFirst()
                    .orElseThrow();

            Heal heal = fleet.loseNodes("east", 1);

            // Before the node controller notices, a request routed to the lost pod hangs until the upstream timeout.
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                responses.add(get(east.ingress(), "/api-server/x", Duration.ofSeconds(5)));
            }
            assertThat(responses).filteredOn(r -> r.statusCode() == 504)
                    .singleElement()
                    .satisfies(r -> assertThat(r.headers().firstValue("X-Mch-Pod")).contains(podOnLostNode));
            assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(2);

            await().atMost(AWHILE).until(() -> "Unknown".equals(readyStatus(client, lost)));
            assertThat(NodeLifecycleController.unreachableTaint(client.nodes().withName(lost).get()))
                    .satisfies(t -> assertThat(t.getEffect()).isEqualTo("NoExecute"));
            // The controller writes the node's condition before it updates what status() reads.
            await().atMost(AWHILE).untilAsserted(() -> assertThat(east.status()).isEqualTo("Degraded"));
            await().atMost(AWHILE).until(() -> "Unknown".equals(listener.nodeStatus.get(lost)));
            await().atMost(AWHILE).until(() -> readyNodes(client).size() == 2 && !readyNodes(client).contains(lost));
            for (int r = 0; r < 3; r++) {
                assertThat(get(east.ingress(), "/api-server/x", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
            }

            await().atMost(AWHILE).until(() -> client.pods().inNamespace("default").withName(podOnLostNode).get() == null);
            await().atMost(AWHILE).until(() -> readyReplicas(client) == 3 && readyNodes(client).size() == 3);
            assertThat(workloadPods(client)).extracting(Pods::nodeName).doesNotContain(lost);

            heal.heal();
            await().atMost(AWHILE).until(() -> "True".equals(readyStatus(client, lost)));
            assertThat(NodeLifecycleController.unreachableTaint(client.nodes().withName(lost).get())).isNull();
            assertThat(listener.nodeStatus.get(lost)).isEqualTo("True");
            assertThat(east.status()).isEqualTo("Healthy");
            assertThat(workloadPods(client)).extracting(Pods::nodeName).doesNotContain(lost);
            heal.heal();
            assertThatThrownBy(() -> fleet.loseNodes("east", 4)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aLostClusterRefusesConnectionsPausesItsControllersAndServesAgainOnTheSamePort() throws Exception {
        var backend = new EmbeddedBackend().withTimings(fastTimings(Duration.ofSeconds(10)));
        try (Fleet fleet = backend.start(topology(Duration.ofSeconds(2), Duration.ofSeconds(2), "east", "west"), listener.context)) {
            deploy(fleet);
            Cluster east = fleet.cluster("east");
            InetSocketAddress address = east.ingress();

            Heal heal = fleet.loseCluster("east");

            assertThat(east.status()).isEqualTo("Lost");
            assertThatThrownBy(() -> get(address, "/api-server/x", Duration.ofSeconds(2))).isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> get(address, "/healthz/api-server", Duration.ofSeconds(2)))
                    .isInstanceOf(ConnectException.class);
            assertThat(get(fleet.cluster("west").ingress(), "/api-server/x", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
            setReplicas(east.client(), 4);
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> workloadPods(east.client()).size() == 3);

            heal.heal();
            assertThat(east.ingress()).isEqualTo(address);
            await().atMost(AWHILE).until(() -> get(address, "/healthz/api-server", Duration.ofSeconds(2)).statusCode() == 200);
            assertThat(get(address, "/api-server/x", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
            await().atMost(AWHILE).until(() -> readyReplicas(east.client()) == 4);
            assertThat(east.status()).isEqualTo("Healthy");
            assertThat(listener.history).filteredOn(e -> e.startsWith("east-")).isNotEmpty().allMatch(e -> e.endsWith("=True"));
            heal.heal();
            assertThat(east.status()).isEqualTo("Healthy");
        }
    }

    @Test
    void closingTheFleetLeavesNoThreadsOrOpenPortsBehind() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        var backend = new EmbeddedBackend().withTimings(fastTimings(Duration.ofSeconds(10)));
        Fleet fleet = backend.start(topology(Duration.ofSeconds(2), Duration.ofSeconds(2), "east", "west"), listener.context);
        List<InetSocketAddress> ports = new ArrayList<>();
        try {
            deploy(fleet);
            for (Cluster cluster : fleet.clusters()) {
                assertThat(get(cluster.ingress(), "/api-server/x", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
                ports.add(cluster.ingress());
                ports.add(new InetSocketAddress(cluster.client().getMasterUrl().getHost(), cluster.client().getMasterUrl().getPort()));
            }
            assertThat(startedSince(before)).anyMatch(name -> name.startsWith("mch-east-"));
        } finally {
            fleet.close();
        }
        fleet.close();

        await().atMost(AWHILE).untilAsserted(() -> assertThat(startedSince(before)).isEmpty());
        for (InetSocketAddress port : ports) {
            assertThatThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(port, 1000);
                        }
                    })
                    .as("port %s", port)
                    .isInstanceOf(ConnectException.class);
        }
    }

    /**
     * Live threads that did not exist before, except the JDK HTTP client's of this test and
     * fabric8's process-wide CachedSingleThreadScheduler (a static shared by every client in the
     * JVM, not owned by a fleet, which retires itself after 10 s idle).
     */
    private static List<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(name -> !name.startsWith("HttpClient-") && !name.startsWith("CachedSingleThreadScheduler-"))
                .filter(name -> !name.startsWith("awaitility"))
                .toList();
    }

    private static void deploy(Fleet fleet) {
        for (Cluster cluster : fleet.clusters()) {
            Workloads.apply(cluster.client(), List.of(MANIFEST));
            Workloads.awaitReady(cluster.client(), "default", SERVICE, AWHILE);
        }
    }

    private static List<Pod> workloadPods(KubernetesClient client) {
        return client.pods().inNamespace("default").withLabel("app", SERVICE).list().getItems();
    }

    private static void setReplicas(KubernetesClient client, int replicas) {
        Deployment deployment = client.apps().deployments().inNamespace("default").withName(SERVICE).get();
        deployment.getSpec().setReplicas(replicas);
        client.apps().deployments().resource(deployment).update();
    }

    private static int readyReplicas(KubernetesClient client) {
        Deployment deployment = client.apps().deployments().inNamespace("default").withName(SERVICE).get();
        return deployment.getStatus() == null ? 0 : Objects.requireNonNullElse(deployment.getStatus().getReadyReplicas(), 0);
    }

    private static String readyStatus(KubernetesClient client, String node) {
        Node object = client.nodes().withName(node).get();
        return NodeLifecycleController.readyStatus(object);
    }

    /** Nodes of the service's ready endpoints, from the Endpoints object in the API. */
    private static List<String> readyNodes(KubernetesClient client) {
        var endpoints = client.endpoints().inNamespace("default").withName(SERVICE).get();
        return endpoints.getSubsets().stream()
                .flatMap(s -> s.getAddresses().stream())
                .map(EndpointAddress::getNodeName)
                .toList();
    }
}
