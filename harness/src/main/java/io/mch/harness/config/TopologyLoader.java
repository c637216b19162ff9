package io.mch.harness.config;

import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problems;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads a topology fixture (docs/contracts.md, "Topology fixture") and refuses it, with
 * every problem at once, before any cluster starts: a typo found after a five-minute cluster
 * bring-up costs five minutes, one found here costs nothing.
 *
 * <p>Required: {@code name} ([a-z0-9-]+), {@code clusters} (at least one; each with {@code name},
 * {@code region}, {@code role}). Defaults, chosen to be the real systems' defaults (see
 * docs/contracts.md, "Default timings"), so a fixture models production unless it says otherwise:
 * <ul>
 *   <li>cluster {@code nodes}: 3; {@code labels}: none;
 *   <li>{@code network.latency}: none (zero RTT between all regions); {@code jitter} of an entry: 0;
 *   <li>{@code network.clients.region}: the region of the first cluster;
 *   <li>{@code kubernetes}: {@code node-monitor-grace-period} 50s, {@code pod-eviction-timeout} 300s;
 *   <li>no {@code fabric.global-load-balancer}: {@link Topology.FabricSpec#globalLoadBalancer()} is
 *       empty; when present: {@code policy} failover, {@code primary} (failover only) the first
 *       cluster with role active, else the first cluster; {@code health-check} interval 5s,
 *       timeout 1s, failure-threshold 3; {@code dns-ttl} 30s (k8gb); {@code weights} only with,
 *       and required by, policy weighted;
 *   <li>{@code fabric.sync}, {@code fabric.mesh}, {@code fabric.replication}: each empty when absent.
 *       {@code sync} ({@link SyncBinder}): {@code hub} and {@code repository} (a directory) required;
 *       {@code applications} (ApplicationSet / GitRepo files, read by {@link GitOpsManifests}) and
 *       {@code policies} default to none, but one of them must give something to sync;
 *       {@code reconcile-interval} and {@code jitter} default to Argo CD's 120s and 60s when any
 *       ApplicationSet is given or only policies, to Fleet's 15s and 0 when every application is
 *       a GitRepo; a policy's {@code selector} defaults to every spoke. {@code mesh}
 *       ({@link MeshBinder}): {@code stale-endpoint-ttl} 0 (never revoked), {@code discovery-interval}
 *       1s, {@code affinity} none, {@code clients.rate} 5/s, no {@code clients.timeout}.
 *       {@code replication} ({@link ReplicationBinder}): {@code backup.every} 60s (Velero),
 *       {@code backup.location} none; {@code objects[]}: {@code namespace} default, {@code kinds}
 *       ConfigMap and Secret, {@code interval} 10s;
 *   <li>no {@code workload}: no manifests and an empty service name (nothing to probe); when
 *       present, {@code service} is required and {@code manifests} default to none.
 * </ul>
 * Every path (workload manifests, sync repository, application and policy files, Velero schedule,
 * backup location) is relative to the topology file, also when a scenario's {@code overrides:}
 * gives it, and must exist (the backup location may be created by the run). Problems inside the
 * files a topology names (ApplicationSet, GitRepo, Schedule, workload manifests' YAML) are reported
 * in those files, with their own line, column and field path.
 */
public final class TopologyLoader {

    private TopologyLoader() {}

    public static Topology load(Path file) throws InvalidInputException {
        Problems problems = new Problems(file);
        Optional<Topology> topology = read(file, problems);
        problems.throwIfAny();
        return topology.orElseThrow();
    }

    static Optional<Topology> read(Path file, Problems problems) {
        return YamlFiles.read(file, problems).flatMap(root -> TopologyBinder.bind(file, root, problems).topology());
    }
}
