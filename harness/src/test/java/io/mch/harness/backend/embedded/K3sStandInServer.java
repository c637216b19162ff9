package io.mch.harness.backend.embedded;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.mch.harness.backend.BackendListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server mode of the k3s stand-in (see {@link K3sStandIn}): fabric8's mock API over TLS on 6443,
 * the embedded simulator's controllers driven by the flags mch passed (grace period, tolerations,
 * monitor period), and a NodePort front on 30080 that answers for a ready endpoint of the
 * NodePort service there. State lives in memory: a restarted server starts empty and the nodes
 * register again.
 */
final class K3sStandInServer {

    static final int API_PORT = 6443;
    static final int NODE_PORT = 30080;
    private static final Path KUBECONFIG = Path.of("/etc/rancher/k3s/k3s.yaml");

    private K3sStandInServer() {}

    static void run(K3sStandIn flags) throws Exception {
        KubernetesMockServer api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), true);
        api.init(InetAddress.getByName("0.0.0.0"), API_PORT);
        KubernetesClient client = K3sStandIn.client("https://127.0.0.1:" + API_PORT);
        for (String namespace : List.of("default", "kube-system", Kubelet.LEASE_NAMESPACE)) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                    .create();
        }
        client.secrets().resource(new SecretBuilder().withNewMetadata().withName(K3sStandInNode.TOKEN_SECRET)
                .withNamespace("kube-system").endMetadata()
                .withStringData(Map.of("token", flags.value("--token").orElse(""))).build()).create();
        Files.createDirectories(KUBECONFIG.getParent());
        Files.writeString(KUBECONFIG, kubeconfig());

        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        new K3sStandInNode(flags, client).start(timer);
        Duration grace = flags.duration("--kube-controller-manager-arg", "node-monitor-grace-period", Duration.ofSeconds(40));
        Duration monitor = flags.duration("--kube-controller-manager-arg", "node-monitor-period", Duration.ofSeconds(5));
        Duration tolerations = Duration.ofSeconds(flags.componentArg("--kube-apiserver-arg",
                "default-unreachable-toleration-seconds").map(Long::parseLong).orElse(300L));
        NodeLifecycleController nodes = new NodeLifecycleController("stand-in", client, grace, tolerations, printing());
        Map<String, Kubelet> kubelets = new ConcurrentHashMap<>();
        EndpointsController endpoints = new EndpointsController(client);
        ControllerPass controllers = new ControllerPass(client, new DeploymentController(client, 1), new Scheduler(client),
                new PodRuntime(client, kubelets, Duration.ofMillis(500), 1), endpoints);
        every(timer, monitor, nodes::monitor);
        every(timer, Duration.ofMillis(500), () -> {
            follow(client, kubelets);
            controllers.run();
        });
        nodePortFront(client, endpoints);
        System.out.println("stand-in: grace period " + grace.toSeconds() + " s, tolerations " + tolerations.toSeconds() + " s");
        System.out.println("Node controller sync successful");
        timer.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    }

    /** The pod runtime starts pods on nodes that are Ready, as their kubelets would. */
    private static void follow(KubernetesClient client, Map<String, Kubelet> kubelets) {
        for (Node node : client.nodes().list().getItems()) {
            String name = node.getMetadata().getName();
            Kubelet kubelet = kubelets.computeIfAbsent(name, n -> new Kubelet(n, node.getStatus().getAddresses().get(0)
                    .getAddress(), client));
            if ("True".equals(NodeLifecycleController.readyStatus(node))) {
                kubelet.restart();
            } else {
                kubelet.stop();
            }
        }
    }

    /** Answers on the node port for a ready endpoint of the NodePort service that owns it, round robin. */
    private static void nodePortFront(KubernetesClient client, EndpointsController endpoints) throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(NODE_PORT), 16);
        AtomicInteger turn = new AtomicInteger();
        http.createContext("/", exchange -> {
            try (exchange) {
                List<ReadyEndpoint> ready = client.services().inAnyNamespace().list().getItems().stream()
                        .filter(s -> s.getSpec().getPorts().stream().anyMatch(p -> Integer.valueOf(NODE_PORT).equals(p.getNodePort())))
                        .map(Service::getMetadata).flatMap(m -> endpoints.ready(m.getName()).stream())
                        .flatMap(List::stream).toList();
                byte[] body = (ready.isEmpty() ? "no ready endpoint" : "stand-in").getBytes(StandardCharsets.UTF_8);
                if (!ready.isEmpty()) {
                    exchange.getResponseHeaders().add("X-Mch-Pod", ready.get(Math.floorMod(turn.getAndIncrement(), ready.size())).pod());
                }
                exchange.sendResponseHeaders(ready.isEmpty() ? 503 : 200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        http.start();
    }

    private static void every(ScheduledExecutorService timer, Duration period, Runnable pass) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                pass.run();
            } catch (RuntimeException e) {
                System.out.println("stand-in: pass failed, retrying: " + e.getMessage());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static BackendListener printing() {
        return new BackendListener() {
            @Override
            public void nodeStatus(String cluster, String node, String status) {
                System.out.println("stand-in: node " + node + " Ready=" + status);
            }

            @Override
            public void progress(String message) {
                System.out.println(message);
            }
        };
    }

    private static String kubeconfig() {
        return String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: default",
                "  cluster:",
                "    server: https://127.0.0.1:" + API_PORT,
                "    insecure-skip-tls-verify: true",
                "contexts:",
                "- name: default",
                "  context: { cluster: default, user: default }",
                "current-context: default",
                "users:",
                "- name: default",
                "  user: { token: stand-in }",
                "");
    }
}
