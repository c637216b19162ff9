package io.mch.harness.config;

import io.mch.harness.runtime.TimeScale;
import java.time.Duration;
import java.util.Optional;

/**
 * A Cilium ClusterMesh / Multi-Cluster Services style mesh: services annotated
 * {@code service.cilium.io/global: "true"} are shared by every cluster; each cluster's agent
 * learns its peers' endpoints through the network every {@code discoveryInterval}; in-cluster
 * clients call the global service and are routed by affinity. Endpoints learnt from a peer that
 * can no longer be reached are kept for {@code staleEndpointTtl} (zero: never revoked, Cilium's
 * default {@code cacheTTL}), so a partitioned peer keeps receiving traffic.
 *
 * @param affinity the default for global services without a {@code service.cilium.io/affinity} annotation
 * @param clientRatePerSecond the rate of each cluster's in-cluster client probes
 */
public record MeshSpec(
        Duration staleEndpointTtl,
        Duration discoveryInterval,
        Affinity affinity,
        double clientRatePerSecond,
        Optional<Duration> clientTimeout) {

    public static final Duration DEFAULT_DISCOVERY_INTERVAL = Duration.ofSeconds(1);
    public static final double DEFAULT_CLIENT_RATE = 5;

    /** Cilium's {@code service.cilium.io/affinity}. */
    public enum Affinity {
        /** Local endpoints while any is ready; remote ones only when none is. */
        LOCAL,
        /** Remote endpoints while any is known; local ones only when none is. */
        REMOTE,
        /** All endpoints alike. */
        NONE
    }

    /** The mesh's timers in wall time; its client rate stays a wall rate, like the probes'. */
    public MeshSpec wall(TimeScale scale) {
        return new MeshSpec(scale.wall(staleEndpointTtl), scale.wall(discoveryInterval), affinity,
                clientRatePerSecond, clientTimeout.map(scale::wall));
    }
}
