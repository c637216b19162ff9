package io.mch.harness.backend.k3s;

import com.github.dockerjava.api.DockerClient;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.BackendListener;
import io.mch.harness.backend.support.DefaultNamespaceWorkload;
import io.mch.harness.backend.support.ClusterFleet;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.BackendUnavailableException;
import io.mch.harness.config.Scenario;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problem;
import io.mch.harness.config.Topology;
import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.Threads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Real Kubernetes: every cluster of the topology is a k3s server plus agent containers
 * (Testcontainers), so node loss and cluster loss are Docker-level faults on real kubelets and a
 * real API server, and the node lifecycle timings are Kubernetes' own. Needs a Docker engine and
 * the k3s image; both are checked before anything starts.
 */
public final class K3sBackend implements Backend {

    private final K3sOptions options;

    /** The defaults, overridable by system properties (see {@link K3sOptions#fromSystemProperties}). */
    public K3sBackend() {
        this(K3sOptions.fromSystemProperties());
    }

    public K3sBackend(K3sOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "k3s";
    }

    /**
     * Bad input when the scenario's Kubernetes timings cannot be given to k3s (see
     * {@link K3sFlags#refusal}); unavailable, with one clear message, when there is no usable
     * Docker engine or an image is absent and cannot be pulled, so a command can refuse before
     * anything starts.
     */
    @Override
    public void preflight(Scenario scenario) throws InvalidInputException, BackendUnavailableException {
        List<Problem> refused = new ArrayList<>(TimingRefusals.of(scenario));
        refused.addAll(DefaultNamespaceWorkload.refusals(scenario, name()));
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
        try {
            Preflight.check(options);
        } catch (K3sUnavailableException e) {
            throw new BackendUnavailableException(e.getMessage());
        }
    }

    /**
     * Starts the clusters in parallel. Throws {@link K3sUnavailableException} before starting
     * anything when Docker or an image is missing, and IllegalArgumentException when the
     * topology's timings cannot be given to k3s; if a cluster fails, its containers' logs are kept
     * in {@code <run dir>/k3s-logs} and everything of the run is removed before the exception
     * leaves.
     */
    @Override
    public Fleet start(Topology topology, RunContext run) throws Exception {
        BackendListener listener = BackendListener.of(run);
        K3sFlags.refusal(topology.kubernetes()).ifPresent(r -> {
            throw new IllegalArgumentException("kubernetes." + r.field() + ": " + r.message());
        });
        DockerClient docker = Preflight.check(options);
        String runId = "mch-" + UUID.randomUUID().toString().substring(0, 8);
        String token = UUID.randomUUID().toString().replace("-", "");
        String service = topology.workload() == null ? null : topology.workload().service();
        int count = topology.clusters().size();
        listener.progress("k3s backend: starting " + count + " cluster(s), run " + runId + ", image " + options.image());
        Path sideLoaded = SideLoadedImages.export(docker, options.sideLoaded());
        Path logDir = run.runDir().resolve("k3s-logs");
        Thread hook = new Thread(() -> RunResources.cleanUp(docker, runId, sideLoaded), "mch-k3s-cleanup-" + runId);
        Runtime.getRuntime().addShutdownHook(hook);
        ExecutorService starter = Executors.newFixedThreadPool(Math.max(1, Math.min(count, 4)), Threads.named("k3s-start"));
        List<K3sCluster> started = new ArrayList<>();
        Exception failure = null;
        try {
            List<Future<K3sCluster>> starting = new ArrayList<>();
            for (Topology.ClusterSpec spec : topology.clusters()) {
                K3sCluster.Start start = new K3sCluster.Start(spec, topology.kubernetes(), service, runId, token,
                        options, sideLoaded, logDir, run.seed() * 31 + starting.size());
                starting.add(starter.submit(() -> K3sCluster.start(start, docker, listener)));
            }
            for (Future<K3sCluster> future : starting) {
                try {
                    started.add(future.get());
                } catch (ExecutionException e) {
                    failure = collect(failure, e.getCause() instanceof Exception x ? x : e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            starter.shutdownNow();
            failure = collect(failure, e);
        } finally {
            starter.shutdownNow();
        }
        // Closing closes every cluster and then removes whatever still carries the run's label; the
        // shutdown hook does the same if the run never gets to close.
        ClusterFleet<K3sCluster> fleet = new ClusterFleet<>(started,
                (cluster, n) -> cluster.loseNodes(n, options.nodeOutage()), K3sCluster::lose, () -> {
                    RunResources.cleanUp(docker, runId, sideLoaded);
                    Runtime.getRuntime().removeShutdownHook(hook);
                });
        if (failure != null) {
            try {
                fleet.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        return fleet;
    }

    private static Exception collect(Exception first, Exception next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
