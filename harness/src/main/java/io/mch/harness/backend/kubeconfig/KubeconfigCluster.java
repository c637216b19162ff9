package io.mch.harness.backend.kubeconfig;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mch.faults.Heal;
import io.mch.harness.backend.support.ApiGate;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.support.Parts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One existing cluster, named by a kubeconfig context. Other clusters reach its API server through
 * a local gate (a link proxy that forwards TCP, so TLS passes through untouched); its ingress is a
 * local front over the API server's service proxy. Losing it closes the gate and the front: from
 * everything mch runs, the cluster is gone, while the cluster itself keeps running (see
 * docs/backends.md). The harness's own client goes straight to the API server, so mch can still
 * read the cluster's state and undo what it did.
 */
final class KubeconfigCluster implements Cluster, AutoCloseable {

    private static final String NAMESPACE = "default";

    private final String name;
    private final String context;
    private final String runId;
    private final KubernetesClient client;
    private final ApiGate apiGate;
    private final ServiceProxyIngress ingress;
    private Heal gateShut;
    private int losses;
    private boolean closed;

    private KubeconfigCluster(String name, String context, String runId, KubernetesClient client, ApiGate apiGate,
            ServiceProxyIngress ingress) {
        this.name = name;
        this.context = context;
        this.runId = runId;
        this.client = client;
        this.apiGate = apiGate;
        this.ingress = ingress;
    }

    /**
     * Connects to {@code context} and checks that its API server answers before anything else
     * happens; on failure nothing is left open.
     *
     * @throws IllegalStateException naming the context when the API server cannot be reached
     */
    static KubeconfigCluster open(String name, String context, Config config, String runId, Duration upstreamTimeout,
            long seed) {
        KubernetesClient client = Kubeconfigs.stampingClient(config, runId);
        ApiGate gate = null;
        ServiceProxyIngress ingress = null;
        try {
            Kubeconfigs.requireReachable(client, name, context);
            URI server = URI.create(client.getMasterUrl().toString());
            int port = server.getPort() > 0 ? server.getPort() : ("https".equals(server.getScheme()) ? 443 : 80);
            gate = ApiGate.open(name, InetAddress.getLoopbackAddress(), new InetSocketAddress(server.getHost(), port),
                    seed);
            ingress = new ServiceProxyIngress(name, client, upstreamTimeout);
            ingress.start();
            return new KubeconfigCluster(name, context, runId, client, gate, ingress);
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable part : new AutoCloseable[] {ingress, gate, client}) {
                Parts.closeQuietly(part, e);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    String context() {
        return context;
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public InetSocketAddress ingress() {
        return ingress.address();
    }

    /**
     * The gate in front of the real API server. A client connecting here must not check the
     * server certificate's host name (it names the real server, not 127.0.0.1); see
     * docs/backends.md.
     */
    @Override
    public InetSocketAddress apiServer() {
        return apiGate.address();
    }

    @Override
    public String status() {
        synchronized (this) {
            if (losses > 0) {
                return "Lost";
            }
        }
        try {
            boolean allReady = client.nodes().list().getItems().stream().allMatch(KubeconfigCluster::ready);
            return allReady ? "Healthy" : "Degraded";
        } catch (KubernetesClientException e) {
            return "Lost";
        }
    }

    /**
     * Cordons and taints the {@code count} ready, schedulable nodes that run the most pods of
     * {@code service} (ties by name), so the loss hits the workload as a dead node would.
     */
    synchronized Heal loseNodes(int count, String service) {
        requireOpen();
        List<String> chosen = candidates(service).stream().limit(count).toList();
        if (chosen.size() < count) {
            throw new IllegalStateException("context '" + context + "': node loss of " + count + " needs as many ready,"
                    + " schedulable nodes; found " + chosen.size());
        }
        List<String> marked = new ArrayList<>();
        Heal heal = Heal.once(() -> unmark(marked));
        try {
            for (String node : chosen) {
                NodeMarks.mark(client, node, runId);
                marked.add(node);
            }
        } catch (RuntimeException e) {
            heal.heal();
            throw e;
        }
        return heal;
    }

    /** Closes the API gate and the ingress; overlapping losses end with the last heal. */
    synchronized Heal lose() {
        requireOpen();
        if (losses++ == 0) {
            ingress.stop();
            gateShut = apiGate.shut();
        }
        return Heal.once(this::healLoss);
    }

    private synchronized void healLoss() {
        if (--losses == 0 && !closed) {
            gateShut.heal();
            ingress.start();
        }
    }

    /** Undoes whatever this run left on the cluster, then closes the gate, the front and the client. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        RuntimeException failure = null;
        try {
            Leftovers.clear(client, context, Optional.of(runId));
        } catch (RuntimeException e) {
            failure = new IllegalStateException("context '" + context + "': could not remove what run " + runId
                    + " left; run 'mch heal --backend kubeconfig --context " + context + "'", e);
        }
        try {
            Parts.closeAll("cluster " + name, ingress, apiGate, client);
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void unmark(List<String> nodes) {
        for (String node : nodes) {
            Node current = client.nodes().withName(node).get();
            if (current != null) {
                NodeMarks.unmark(client, current, Optional.of(runId));
            }
        }
    }

    private List<String> candidates(String service) {
        Map<String, String> selector = Optional.ofNullable(service)
                .map(s -> client.services().inNamespace(NAMESPACE).withName(s).get())
                .map(Service::getSpec)
                .map(spec -> spec.getSelector())
                .orElse(Map.of());
        List<Pod> pods = selector.isEmpty() ? List.of()
                : client.pods().inNamespace(NAMESPACE).withLabels(selector).list().getItems();
        Comparator<Node> byPods = Comparator.comparingLong(
                n -> -pods.stream().filter(p -> n.getMetadata().getName().equals(p.getSpec().getNodeName())).count());
        return client.nodes().list().getItems().stream()
                .filter(KubeconfigCluster::ready)
                .filter(n -> !Boolean.TRUE.equals(n.getSpec().getUnschedulable()))
                .sorted(byPods.thenComparing(n -> n.getMetadata().getName()))
                .map(n -> n.getMetadata().getName())
                .toList();
    }

    private static boolean ready(Node node) {
        List<NodeCondition> conditions = node.getStatus() == null ? null : node.getStatus().getConditions();
        return conditions != null && conditions.stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("cluster " + name + " is closed");
        }
    }

}
