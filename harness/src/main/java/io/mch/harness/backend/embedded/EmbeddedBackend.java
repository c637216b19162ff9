package io.mch.harness.backend.embedded;

import io.mch.harness.backend.Backend;
import io.mch.harness.backend.BackendListener;
import io.mch.harness.backend.support.ClusterFleet;
import io.mch.harness.backend.Fleet;
import io.mch.harness.config.Topology;
import io.mch.harness.runtime.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The default backend: every cluster is a real HTTP Kubernetes API (fabric8's CRUD mock) on its
 * own loopback address plus a KWOK-like simulator of kubelets and controllers, so a scenario runs
 * with nothing but a JDK, in seconds, with Kubernetes' node lifecycle timings from the topology.
 * What the mock cannot do (server-side apply, strategic merge, garbage collection, set-based
 * selectors) the simulator does itself or the workload deployer avoids.
 */
public final class EmbeddedBackend implements Backend {

    /** Cluster i listens on 127.0.(i+1).1. */
    private static final int MAX_CLUSTERS = 255;

    /** The simulator's intervals in scenario time; each run compresses them by its own clock's scale. */
    private final SimulatorTimings timings;

    public EmbeddedBackend() {
        this(SimulatorTimings.KUBERNETES);
    }

    private EmbeddedBackend(SimulatorTimings timings) {
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    /** The same backend with other simulator intervals, in scenario time (tests shorten them). */
    public EmbeddedBackend withTimings(SimulatorTimings timings) {
        return new EmbeddedBackend(timings);
    }

    @Override
    public String name() {
        return "embedded";
    }

    /**
     * Starts the clusters in parallel, with the simulator's intervals compressed by the run's time
     * scale and its random choices (pod names) drawn from the run's seed; if one fails, the others
     * are stopped and the error rethrown.
     */
    @Override
    public Fleet start(Topology topology, RunContext run) throws Exception {
        ApiServer.quietLogging();
        BlockedThreads.Count blockedBefore = BlockedThreads.INSTANCE.count();
        BackendListener listener = BackendListener.of(run);
        SimulatorTimings timings = this.timings.wall(run.scale());
        long seed = run.seed();
        int count = topology.clusters().size();
        if (count > MAX_CLUSTERS) {
            throw new IllegalArgumentException("the embedded backend runs at most " + MAX_CLUSTERS
                    + " clusters (one per loopback address 127.0.N.1), the topology has " + count);
        }
        listener.progress("embedded backend: starting " + count + " cluster(s)");
        ExecutorService starter = Executors.newFixedThreadPool(Math.max(1, Math.min(count, 4)), new NamedThreads("mch-start"));
        try {
            List<Future<EmbeddedCluster>> starting = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                starting.add(starter.submit(() -> EmbeddedCluster.start(topology, index, timings, seed, listener)));
            }
            List<EmbeddedCluster> started = new ArrayList<>();
            Throwable failure = null;
            boolean interrupted = false;
            for (Future<EmbeddedCluster> future : starting) {
                // Every start is waited for, even when interrupted, so none is left running unseen.
                while (true) {
                    try {
                        started.add(future.get());
                        break;
                    } catch (ExecutionException e) {
                        failure = collect(failure, e.getCause());
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                failure = collect(failure, new InterruptedException("interrupted while starting clusters"));
            }
            String service = topology.workload() == null ? null : topology.workload().service();
            // A node loss takes the nodes with the most ready pods of the workload (ties by name).
            ClusterFleet<EmbeddedCluster> fleet = new ClusterFleet<>(started,
                    (cluster, nodes) -> cluster.loseNodes(nodes, service), EmbeddedCluster::lose,
                    () -> reportBlocked(blockedBefore, listener));
            if (failure != null) {
                try {
                    fleet.close();
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (Exception) failure;
            }
            return fleet;
        } finally {
            starter.shutdownNow();
        }
    }

    /** One console line for the Vert.x blocked-thread warnings of the fleet's lifetime, if any came. */
    private static void reportBlocked(BlockedThreads.Count before, BackendListener listener) {
        String line = BlockedThreads.INSTANCE.since(before);
        if (line != null) {
            listener.progress(line);
        }
    }

    private static Throwable collect(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
