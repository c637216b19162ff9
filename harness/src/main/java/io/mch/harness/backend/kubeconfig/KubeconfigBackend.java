package io.mch.harness.backend.kubeconfig;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.backend.support.DefaultNamespaceWorkload;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.BackendListener;
import io.mch.harness.backend.support.ClusterFleet;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.BackendUnavailableException;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problem;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.Topology;
import io.mch.harness.runtime.RunContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario against clusters that already exist, one kubeconfig context per topology
 * cluster: the same network, fabric, traffic and checkers as every backend, on real API servers and
 * real workloads. It creates nothing on a cluster but what the run deploys (labelled, see
 * {@link Ownership}) and undoes its node marks and deletes those objects when the fleet closes.
 * Which destructive faults it may inject is decided before it starts, by {@link DestructiveFaults}.
 */
public final class KubeconfigBackend implements Backend {

    /** How long the ingress front waits for the service proxy; probes give up sooner. */
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(10);

    private final KubeconfigOptions options;

    public KubeconfigBackend(KubeconfigOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "kubeconfig";
    }

    public KubeconfigOptions options() {
        return options;
    }

    /**
     * The client configuration of every topology cluster, checked before anything is contacted.
     *
     * @throws IllegalArgumentException naming a cluster's context that no kubeconfig file defines
     */
    public Map<String, Config> configs(Topology topology) {
        KubeconfigOptions effective = options.forTopology(topology);
        Map<String, Config> configs = new LinkedHashMap<>();
        for (Topology.ClusterSpec cluster : topology.clusters()) {
            configs.put(cluster.name(), Kubeconfigs.config(effective.context(cluster.name()), effective.files()));
        }
        return configs;
    }

    /**
     * Before a run, contacting nothing first: every destructive fault of {@code scenario} is allowed
     * on its context (refused as bad input otherwise); then every cluster's context exists and its
     * API server answers, so an unreachable cluster stops the command before anything starts.
     */
    @Override
    public void preflight(Scenario scenario) throws InvalidInputException, BackendUnavailableException {
        List<Problem> refused = new ArrayList<>(DestructiveFaults.refused(scenario, options));
        refused.addAll(DefaultNamespaceWorkload.refusals(scenario, name()));
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
        try {
            requireReachable(scenario.topology());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BackendUnavailableException(e.getMessage());
        }
    }

    /**
     * Checks, before a run, that every cluster's context exists and its API server answers, so an
     * unreachable cluster stops the command before anything starts.
     *
     * @throws IllegalArgumentException naming a context no kubeconfig file defines
     * @throws IllegalStateException naming a context whose API server does not answer
     */
    public void requireReachable(Topology topology) {
        KubeconfigOptions effective = options.forTopology(topology);
        for (Map.Entry<String, Config> entry : configs(topology).entrySet()) {
            try (KubernetesClient client = Kubeconfigs.client(entry.getValue())) {
                Kubeconfigs.requireReachable(client, entry.getKey(), effective.context(entry.getKey()));
            }
        }
    }

    /**
     * Connects to every context; refuses to start, naming the context, when one cannot be reached,
     * and then leaves nothing open.
     */
    @Override
    public Fleet start(Topology topology, RunContext run) {
        BackendListener listener = BackendListener.of(run);
        Map<String, Config> configs = configs(topology);
        KubeconfigOptions effective = options.forTopology(topology);
        List<KubeconfigCluster> opened = new ArrayList<>();
        String service = topology.workload() == null ? null : topology.workload().service();
        try {
            long seed = run.seed();
            for (Map.Entry<String, Config> entry : configs.entrySet()) {
                String context = effective.context(entry.getKey());
                KubeconfigCluster cluster = KubeconfigCluster.open(
                        entry.getKey(), context, entry.getValue(), options.runId(), UPSTREAM_TIMEOUT, seed++);
                opened.add(cluster);
                listener.progress("cluster " + entry.getKey() + ": context '" + context + "', API "
                        + Kubeconfigs.server(entry.getValue()) + ", ingress http://" + cluster.ingress().getHostString()
                        + ":" + cluster.ingress().getPort() + " (service proxy), run id " + options.runId());
            }
            return fleet(opened, service);
        } catch (RuntimeException e) {
            try {
                fleet(opened, service).close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Closing undoes what the run left on the clusters (see {@link Leftovers}). */
    private static ClusterFleet<KubeconfigCluster> fleet(List<KubeconfigCluster> clusters, String service) {
        return new ClusterFleet<>(clusters, (cluster, count) -> cluster.loseNodes(count, service),
                KubeconfigCluster::lose, () -> {});
    }
}
