package io.mch.harness.bench;

import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Topology;
import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.workload.Workloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How long N embedded clusters take to come up, and to serve their workload. */
final class StartupBench {

    private StartupBench() {}

    /** Seconds until the fleet is up, and until every cluster's workload is ready. */
    record Figures(int clusters, double upSeconds, double readySeconds) {}

    static Figures measure(int clusters, Path manifest) throws Exception {
        Topology topology = topology(clusters, manifest);
        long start = System.nanoTime();
        try (Fleet fleet = new EmbeddedBackend().start(topology, RunContext.detached(TimeScale.REAL, manifest.getParent()))) {
            double up = (System.nanoTime() - start) / 1e9;
            fleet.clusters().forEach(c -> Workloads.apply(c.client(), List.of(manifest)));
            fleet.clusters().forEach(c -> Workloads.awaitReady(c.client(), "default", "api-server", Duration.ofMinutes(2)));
            return new Figures(clusters, up, (System.nanoTime() - start) / 1e9);
        }
    }

    /** {@code n} clusters of 3 nodes, in n regions 20 ms apart, with a failover load balancer. */
    static Topology topology(int n, Path manifest) {
        List<Topology.ClusterSpec> clusters = new ArrayList<>();
        List<Topology.RegionLatency> latency = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            clusters.add(new Topology.ClusterSpec("c" + i, "r" + i, i == 1 ? Topology.Role.ACTIVE : Topology.Role.PASSIVE,
                    3, Map.of()));
            for (int j = i + 1; j <= n; j++) {
                latency.add(new Topology.RegionLatency("r" + i, "r" + j, Duration.ofMillis(20), Duration.ZERO));
            }
        }
        var glb = new Topology.GlobalLoadBalancerSpec(Topology.LbPolicy.FAILOVER, Optional.of("c1"),
                new Topology.HealthCheck(Duration.ofSeconds(1), Duration.ofMillis(500), 3), Duration.ofSeconds(5), Map.of());
        return new Topology(null, "bench-" + n, clusters, new Topology.NetworkSpec(latency, "r1"),
                new Topology.KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(300)),
                new Topology.FabricSpec(Optional.of(glb)), new Topology.WorkloadSpec(List.of(manifest), "api-server"));
    }
}
