package io.mch.harness.backend.embedded;

import io.mch.harness.runtime.TimeScale;
import java.time.Duration;

/**
 * The simulator's own clock settings. The node lifecycle timings a scenario reasons about
 * (node-monitor-grace-period, pod-eviction-timeout) come from the topology; these are the
 * intervals of the simulated kubelets and controllers, which tests shorten to run in seconds.
 *
 * @param leaseRenewInterval how often a live kubelet renews its node Lease (kubelet: 10 s)
 * @param nodeMonitorPeriod how often the node lifecycle controller checks the Leases (5 s)
 * @param podStartupDelay how long a bound pod takes to become Running and Ready
 * @param reconcileInterval the period of the Deployment, scheduler, pod and endpoints loops
 * @param upstreamTimeout how long the ingress holds a request to a pod on a lost node before it
 *     answers 504, like a proxy waiting on a dead pod IP
 */
public record SimulatorTimings(
        Duration leaseRenewInterval,
        Duration nodeMonitorPeriod,
        Duration podStartupDelay,
        Duration reconcileInterval,
        Duration upstreamTimeout) {

    /** Kubernetes' own intervals, and a proxy-like 10 s upstream timeout. */
    public static final SimulatorTimings KUBERNETES = new SimulatorTimings(
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Duration.ofMillis(500),
            Duration.ofSeconds(10));

    public SimulatorTimings {
        requirePositive(leaseRenewInterval, "leaseRenewInterval");
        requirePositive(nodeMonitorPeriod, "nodeMonitorPeriod");
        if (podStartupDelay == null || podStartupDelay.isNegative()) {
            throw new IllegalArgumentException("podStartupDelay must not be negative, was " + podStartupDelay);
        }
        requirePositive(reconcileInterval, "reconcileInterval");
        requirePositive(upstreamTimeout, "upstreamTimeout");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** Simulator loops faster than this would load the embedded API servers more than they measure. */
    private static final Duration MIN_RECONCILE = Duration.ofMillis(50);

    /** These intervals in wall time under {@code scale} (the reconcile loop floored at 50 ms). */
    public SimulatorTimings wall(TimeScale scale) {
        Duration reconcile = scale.wall(reconcileInterval);
        return new SimulatorTimings(
                scale.wall(leaseRenewInterval),
                scale.wall(nodeMonitorPeriod),
                scale.wall(podStartupDelay),
                reconcile.compareTo(MIN_RECONCILE) < 0 ? MIN_RECONCILE : reconcile,
                scale.wall(upstreamTimeout));
    }
}
