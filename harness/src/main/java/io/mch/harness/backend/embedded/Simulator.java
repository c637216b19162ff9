package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.backend.BackendListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The KWOK-like part of one embedded cluster: kubelets and controllers driving the mock API as
 * the real ones drive a real API server. Each runs as a simple periodic reconcile loop on the
 * cluster's own scheduler (threads {@code mch-<cluster>-sim-N}) rather than on watches: a pass
 * re-reads the objects it needs, so a missed event or a conflicting write is simply repaired on
 * the next pass. The kubelets heartbeat every lease interval, the node lifecycle controller runs
 * every node monitor period, and Deployment, scheduler, pod start and endpoints run in that order
 * every reconcile interval. Pausing (cluster loss) makes every loop skip its passes.
 */
final class Simulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Simulator.class.getName());

    private final String cluster;
    private final String region;
    private final KubernetesClient client;
    private final SimulatorTimings timings;
    private final Map<String, Kubelet> kubelets;
    private final NodeLifecycleController nodeController;
    private final ControllerPass controllers;
    private final ScheduledExecutorService executor;
    private volatile boolean paused;

    /**
     * @param clusterNumber 1-based position of the cluster in the topology, used for addresses
     */
    Simulator(
            String cluster,
            String region,
            int nodes,
            int clusterNumber,
            KubernetesClient client,
            Duration gracePeriod,
            Duration evictionTimeout,
            SimulatorTimings timings,
            long seed,
            BackendListener listener) {
        this.cluster = cluster;
        this.region = region;
        this.client = client;
        this.timings = timings;
        Map<String, Kubelet> byName = new LinkedHashMap<>();
        for (int n = 1; n <= nodes; n++) {
            String node = cluster + "-node-" + n;
            byName.put(node, new Kubelet(node, "172.18." + clusterNumber + "." + (n + 1), client));
        }
        this.kubelets = Map.copyOf(byName);
        this.nodeController = new NodeLifecycleController(cluster, client, gracePeriod, evictionTimeout, listener);
        this.controllers = new ControllerPass(client, new DeploymentController(client, seed), new Scheduler(client),
                new PodRuntime(client, kubelets, timings.podStartupDelay(), clusterNumber), new EndpointsController(client));
        var pool = new ScheduledThreadPoolExecutor(2, new NamedThreads("mch-" + cluster + "-sim"));
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pool;
    }

    /** Creates the namespaces and registers the nodes, then starts every loop. */
    void start() {
        for (String namespace : List.of("default", "kube-system", Kubelet.LEASE_NAMESPACE)) {
            client.namespaces()
                    .resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                    .create();
        }
        kubelets.values().stream()
                .sorted(Comparator.comparing(Kubelet::node))
                .forEach(k -> k.register(region));
        for (Kubelet kubelet : kubelets.values()) {
            every(timings.leaseRenewInterval(), "lease renewal of " + kubelet.node(), kubelet::renewLease);
        }
        every(timings.nodeMonitorPeriod(), "node lifecycle controller", nodeController::monitor);
        every(timings.reconcileInterval(), "controllers", controllers::run);
    }

    EndpointsController endpoints() {
        return controllers.endpoints();
    }

    boolean nodeAlive(String node) {
        Kubelet kubelet = kubelets.get(node);
        return kubelet != null && kubelet.running();
    }

    /** Ready condition per node, as the node lifecycle controller last saw or set it. */
    Map<String, String> nodeReadiness() {
        Map<String, String> seen = nodeController.readiness();
        return kubelets.keySet().stream()
                .collect(Collectors.toMap(Function.identity(), n -> seen.getOrDefault(n, "True")));
    }

    void pause() {
        paused = true;
    }

    void resume() {
        nodeController.forgetObservations();
        paused = false;
    }

    /**
     * Stops the kubelets of {@code count} live nodes: those with the most ready endpoints of
     * {@code service} (of every service when null) first, ties by name, so the same run loses the
     * same nodes. Returns the nodes stopped.
     */
    synchronized List<String> stopKubelets(int count, String service) {
        List<Kubelet> live = kubelets.values().stream().filter(Kubelet::running).toList();
        if (count < 1 || count > live.size()) {
            throw new IllegalArgumentException("cluster " + cluster + ": cannot lose " + count + " nodes, "
                    + live.size() + " of " + kubelets.size() + " are live");
        }
        Map<String, Long> readyPods = controllers.endpoints().ready().entrySet().stream()
                .filter(e -> service == null || e.getKey().equals(service))
                .flatMap(e -> e.getValue().stream())
                .collect(Collectors.groupingBy(ReadyEndpoint::node, Collectors.counting()));
        List<Kubelet> chosen = live.stream()
                .sorted(Comparator.comparing((Kubelet k) -> readyPods.getOrDefault(k.node(), 0L))
                        .reversed()
                        .thenComparing(Kubelet::node))
                .limit(count)
                .toList();
        chosen.forEach(Kubelet::stop);
        return chosen.stream().map(Kubelet::node).toList();
    }

    synchronized void restartKubelets(List<String> nodes) {
        nodes.stream().map(kubelets::get).filter(Objects::nonNull).forEach(Kubelet::restart);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "cluster {0}: simulator threads did not stop within 5 s", cluster);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void every(Duration period, String what, Runnable pass) {
        executor.scheduleWithFixedDelay(
                () -> {
                    if (paused) {
                        return;
                    }
                    try {
                        pass.run();
                    } catch (RuntimeException e) {
                        if (!executor.isShutdown()) {
                            LOG.log(Level.WARNING, "cluster " + cluster + ": " + what + " failed; retrying", e);
                        }
                    }
                },
                0,
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
