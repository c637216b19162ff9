package io.mch.harness.backend.kubeconfig;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Existing clusters" for tests: one fabric8 mock API server per context (CRUD, plus expectations
 * for what CRUD cannot serve, such as the service proxy), and a kubeconfig file naming them all,
 * so the kubeconfig backend and {@code mch heal} are tested through the same files and clients a
 * user has.
 */
public final class MockClusters implements AutoCloseable {

    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("io.fabric8.mockwebserver"), Logger.getLogger("io.fabric8.kubernetes.client.server.mock"));

    private final Map<String, KubernetesMockServer> servers = new LinkedHashMap<>();
    private final Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    private final Path kubeconfig;

    private MockClusters(Path dir, List<String> contexts) {
        QUIETED.forEach(l -> l.setLevel(Level.WARNING));
        StringBuilder clusters = new StringBuilder();
        StringBuilder named = new StringBuilder();
        try {
            for (String context : contexts) {
                Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
                var server = new KubernetesMockServer(
                        new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
                server.init(InetAddress.getLoopbackAddress(), 0);
                servers.put(context, server);
                clients.put(context, server.createClient());
                clusters.append("  - name: ").append(context).append("-cluster\n    cluster:\n      server: http://127.0.0.1:")
                        .append(server.getPort()).append('\n');
                named.append("  - name: ").append(context).append("\n    context:\n      cluster: ").append(context)
                        .append("-cluster\n      user: tester\n");
            }
            kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\nclusters:\n"
                    + clusters + "users:\n  - name: tester\n    user:\n      token: test-token\ncontexts:\n" + named
                    + "current-context: " + contexts.get(0) + "\n");
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public static MockClusters start(Path dir, String... contexts) {
        return new MockClusters(dir, List.of(contexts));
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public KubernetesMockServer server(String context) {
        return servers.get(context);
    }

    /** A client of the test itself, which stamps nothing. */
    public KubernetesClient client(String context) {
        return clients.get(context);
    }

    /** A Ready node. */
    public static Node readyNode(String name) {
        return new NodeBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build();
    }

    @Override
    public void close() {
        clients.values().forEach(KubernetesClient::close);
        servers.values().forEach(KubernetesMockServer::destroy);
    }
}
