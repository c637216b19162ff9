package io.mch.harness.run;

import io.mch.harness.fabric.balancer.LoadBalancerViews;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.fabric.Fabric;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.mch.harness.fabric.mesh.ClusterMesh;
import io.mch.harness.fabric.sync.GitOpsSync;
import io.mch.harness.fabric.replication.Replication;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fabric parts of one run, closed together (newest first, every one of them even when one
 * fails to close; closing twice closes nothing twice), and what they want distributed, merged for
 * the consistency monitor.
 */
final class Fabrics implements AutoCloseable {

    private final List<Fabric> parts = new ArrayList<>();
    private Optional<LoadBalancerViews> loadBalancer = Optional.empty();

    /**
     * Starts the parts the context's topology configures (global load balancer, GitOps sync,
     * replication, mesh). If one part fails to start, those already started are closed.
     */
    public static Fabrics start(FabricContext ctx) throws IOException {
        Fabrics fabrics = new Fabrics();
        try {
            if (ctx.topology().fabric().globalLoadBalancer().isPresent()) {
                fabrics.loadBalancer = Optional.of(
                        LoadBalancerViews.start(ctx.topology().fabric().globalLoadBalancer().get(), ctx));
                fabrics.parts.add(fabrics.loadBalancer.get());
            }
            if (ctx.topology().fabric().sync().isPresent()) {
                fabrics.parts.add(GitOpsSync.start(ctx.topology().fabric().sync().get(), ctx));
            }
            ctx.topology().fabric().replication().ifPresent(r -> fabrics.parts.add(Replication.start(r, ctx)));
            ctx.topology().fabric().mesh().ifPresent(m -> fabrics.parts.add(ClusterMesh.start(m, ctx)));
            return fabrics;
        } catch (IOException | RuntimeException e) {
            try {
                fabrics.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public List<Fabric> parts() {
        return List.copyOf(parts);
    }

    /** The global load balancer, which the global clients resolve through; empty when the topology has none. */
    public Optional<LoadBalancerViews> loadBalancer() {
        return loadBalancer;
    }

    /**
     * What must be live where, for the consistency monitor: {@code everywhere} (the workload) on
     * each of {@code clusters}, and every part's desired objects on their clusters.
     */
    public Map<String, List<HasMetadata>> desired(List<HasMetadata> everywhere, Iterable<String> clusters) {
        Map<String, List<HasMetadata>> all = new LinkedHashMap<>();
        clusters.forEach(c -> all.put(c, new ArrayList<>(everywhere)));
        for (Fabric part : parts) {
            part.desired().forEach((cluster, objects) ->
                    all.computeIfAbsent(cluster, c -> new ArrayList<>()).addAll(objects));
        }
        return all;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        parts.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
