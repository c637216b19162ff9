package io.mch.harness.fabric.mesh;

import io.mch.harness.config.MeshSpec;
import io.mch.harness.runtime.TimeScale;
import java.time.Duration;
import java.util.Optional;

/**
 * The mesh's timings, each on the clock it is used with: schedules on the wall clock, ages of
 * knowledge in scenario time (they are compared with the run clock).
 *
 * @param staleEndpointTtl scenario time; zero keeps stale endpoints forever
 * @param liveness scenario time a peer read may stay unanswered before the peer counts as unreachable
 * @param probeInterval wall time between two in-cluster client calls; empty when clients are off
 */
record MeshSettings(
        Duration wallDiscoveryInterval,
        Duration staleEndpointTtl,
        Duration liveness,
        Duration wallClientTimeout,
        Optional<Duration> probeInterval) {

    /** In-cluster clients give up after this long (scenario time) unless the spec says otherwise. */
    static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ofSeconds(1);

    /** Beyond two missed discovery rounds, a peer gets this much more (scenario time) to answer a read. */
    private static final Duration LIVENESS_SLACK = Duration.ofSeconds(1);

    /**
     * {@code spec} is in wall time, as the fabric context's topology is (see
     * {@code Topology#wall(TimeScale)}); the client rate is per wall second, as traffic's is.
     */
    static MeshSettings of(MeshSpec spec, TimeScale scale) {
        if (spec.discoveryInterval().isNegative() || spec.discoveryInterval().isZero()) {
            throw new IllegalArgumentException("mesh discovery interval must be positive, was " + spec.discoveryInterval());
        }
        if (spec.staleEndpointTtl().isNegative()) {
            throw new IllegalArgumentException("mesh stale-endpoint TTL must not be negative, was " + spec.staleEndpointTtl());
        }
        return new MeshSettings(
                spec.discoveryInterval(),
                scale.scenario(spec.staleEndpointTtl()),
                scale.scenario(spec.discoveryInterval()).multipliedBy(2).plus(LIVENESS_SLACK),
                spec.clientTimeout().orElse(scale.wall(DEFAULT_CLIENT_TIMEOUT)),
                spec.clientRatePerSecond() > 0
                        ? Optional.of(Duration.ofNanos(Math.round(1e9 / spec.clientRatePerSecond())))
                        : Optional.empty());
    }
}
