package io.mch.harness.backend.k3s;

import io.mch.harness.config.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The k3s command lines of a cluster's nodes, carrying the topology's {@code kubernetes:} timings
 * into the real components, since k3s's own defaults (40 s grace period in v1.31, 50 s from
 * Kubernetes 1.32, 300 s tolerations) would otherwise decide when a lost node goes NotReady:
 * <ul>
 *   <li>node-monitor-grace-period goes to the controller manager, which checks every
 *       {@code grace / 5} (at most its default 5 s);
 *   <li>pod-eviction-timeout becomes the API server's default not-ready and unreachable
 *       tolerations (the controller manager's {@code --pod-eviction-timeout} is gone since 1.27);
 *   <li>every kubelet posts its status every {@code grace / 5} and holds a Lease of {@code grace}
 *       seconds, which it renews every quarter of that, so a live node is never late.
 * </ul>
 * The controller manager's documentation asks for a grace period of N times the kubelet's status
 * interval, N being the kubelet's 5 status retries; with whole-second intervals that refuses a
 * grace period under 5 s, and timings that are not whole seconds (the flags take seconds).
 * Only what the harness does not use is disabled: Traefik, ServiceLB, metrics-server and the
 * local-path storage; CoreDNS stays for workloads that resolve names.
 */
final class K3sFlags {

    static final int STATUS_RETRIES = 5;
    static final Duration MIN_GRACE_PERIOD = Duration.ofSeconds(STATUS_RETRIES);
    static final String DISABLED = "--disable=traefik,servicelb,metrics-server,local-storage";
    private static final Duration DEFAULT_MONITOR_PERIOD = Duration.ofSeconds(5);

    private K3sFlags() {}

    /** Why these timings cannot be given to k3s, naming the field; empty when they can. */
    static Optional<Refusal> refusal(Topology.KubernetesTimings timings) {
        Duration grace = timings.nodeMonitorGracePeriod();
        if (grace.toMillis() % 1000 != 0) {
            return Optional.of(new Refusal("node-monitor-grace-period", "k3s takes whole seconds, got "
                    + grace.toMillis() + " ms"));
        }
        if (grace.compareTo(MIN_GRACE_PERIOD) < 0) {
            return Optional.of(new Refusal("node-monitor-grace-period", "at least " + MIN_GRACE_PERIOD.toSeconds()
                    + "s on k3s: the kubelet must be able to post its status " + STATUS_RETRIES
                    + " times (whole seconds apart) within the grace period, got " + grace.toSeconds() + "s"));
        }
        if (timings.podEvictionTimeout().toMillis() % 1000 != 0) {
            return Optional.of(new Refusal("pod-eviction-timeout", "k3s takes whole seconds (toleration seconds), got "
                    + timings.podEvictionTimeout().toMillis() + " ms"));
        }
        return Optional.empty();
    }

    /** A field of the topology's {@code kubernetes:} section and what is wrong with it. */
    record Refusal(String field, String message) {}

    /** The server's command: {@code server}, then its own flags, the timings and the kubelet's. */
    static List<String> server(Topology.KubernetesTimings timings, K3sOptions options, String token,
            String nodeName, String tlsSan) {
        requireHonoured(timings);
        long grace = timings.nodeMonitorGracePeriod().toSeconds();
        long tolerations = timings.podEvictionTimeout().toSeconds();
        List<String> command = new ArrayList<>(List.of("server", DISABLED, "--tls-san=" + tlsSan,
                "--token=" + token, "--node-name=" + nodeName,
                "--kube-controller-manager-arg=node-monitor-grace-period=" + grace + "s",
                "--kube-controller-manager-arg=node-monitor-period=" + monitorPeriod(timings) + "s",
                "--kube-apiserver-arg=default-not-ready-toleration-seconds=" + tolerations,
                "--kube-apiserver-arg=default-unreachable-toleration-seconds=" + tolerations));
        command.addAll(node(timings, options));
        return command;
    }

    /** An agent's command; it joins through {@code K3S_URL} and {@code K3S_TOKEN} in its environment. */
    static List<String> agent(Topology.KubernetesTimings timings, K3sOptions options, String nodeName) {
        requireHonoured(timings);
        List<String> command = new ArrayList<>(List.of("agent", "--node-name=" + nodeName));
        command.addAll(node(timings, options));
        return command;
    }

    /** What every node's own kubelet and container runtime need. */
    private static List<String> node(Topology.KubernetesTimings timings, K3sOptions options) {
        long grace = timings.nodeMonitorGracePeriod().toSeconds();
        return List.of("--pause-image=" + options.pauseImage(),
                "--kubelet-arg=node-status-update-frequency=" + statusInterval(timings) + "s",
                "--kubelet-arg=node-lease-duration-seconds=" + grace);
    }

    static long statusInterval(Topology.KubernetesTimings timings) {
        return Math.min(10, timings.nodeMonitorGracePeriod().toSeconds() / STATUS_RETRIES);
    }

    private static long monitorPeriod(Topology.KubernetesTimings timings) {
        return Math.max(1, Math.min(DEFAULT_MONITOR_PERIOD.toSeconds(),
                timings.nodeMonitorGracePeriod().toSeconds() / STATUS_RETRIES));
    }

    private static void requireHonoured(Topology.KubernetesTimings timings) {
        refusal(timings).ifPresent(r -> {
            throw new IllegalArgumentException("kubernetes." + r.field() + ": " + r.message());
        });
    }
}
