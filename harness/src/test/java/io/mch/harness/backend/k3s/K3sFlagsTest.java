package io.mch.harness.backend.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.harness.config.Topology;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The topology's Kubernetes timings reach k3s's components as flags, or are refused. */
class K3sFlagsTest {

    private static final K3sOptions OPTIONS = K3sOptions.fromSystemProperties();

    private static Topology.KubernetesTimings timings(Duration grace, Duration eviction) {
        return new Topology.KubernetesTimings(grace, eviction);
    }

    @Test
    void aShortGracePeriodAndEvictionReachTheControllerManagerTheApiServerAndEveryKubelet() {
        Topology.KubernetesTimings nodeLoss = timings(Duration.ofSeconds(10), Duration.ofSeconds(15));

        assertThat(K3sFlags.server(nodeLoss, OPTIONS, "t0ken", "east-server", "localhost")).containsExactly(
                "server", "--disable=traefik,servicelb,metrics-server,local-storage", "--tls-san=localhost",
                "--token=t0ken", "--node-name=east-server",
                "--kube-controller-manager-arg=node-monitor-grace-period=10s",
                "--kube-controller-manager-arg=node-monitor-period=2s",
                "--kube-apiserver-arg=default-not-ready-toleration-seconds=15",
                "--kube-apiserver-arg=default-unreachable-toleration-seconds=15",
                "--pause-image=" + OPTIONS.pauseImage(),
                "--kubelet-arg=node-status-update-frequency=2s",
                "--kubelet-arg=node-lease-duration-seconds=10");
        assertThat(K3sFlags.agent(nodeLoss, OPTIONS, "east-agent-1")).containsExactly(
                "agent", "--node-name=east-agent-1", "--pause-image=" + OPTIONS.pauseImage(),
                "--kubelet-arg=node-status-update-frequency=2s",
                "--kubelet-arg=node-lease-duration-seconds=10");
    }

    @Test
    void theDefaultTimingsKeepTheKubeletsDefaultStatusInterval() {
        Topology.KubernetesTimings defaults = timings(Duration.ofSeconds(50), Duration.ofSeconds(300));
        assertThat(K3sFlags.server(defaults, OPTIONS, "t", "n", "h")).contains(
                "--kube-controller-manager-arg=node-monitor-grace-period=50s",
                "--kube-controller-manager-arg=node-monitor-period=5s",
                "--kube-apiserver-arg=default-unreachable-toleration-seconds=300",
                "--kubelet-arg=node-status-update-frequency=10s");
        assertThat(K3sFlags.refusal(timings(Duration.ofSeconds(5), Duration.ofSeconds(5)))).isEmpty();
    }

    @Test
    void aGracePeriodTheKubeletCannotHonourIsRefused() {
        assertThat(K3sFlags.refusal(timings(Duration.ofSeconds(4), Duration.ofSeconds(15))))
                .hasValueSatisfying(r -> {
                    assertThat(r.field()).isEqualTo("node-monitor-grace-period");
                    assertThat(r.message()).startsWith("at least 5s on k3s: the kubelet must be able to post its status 5 times");
                });
        assertThat(K3sFlags.refusal(timings(Duration.ofMillis(10_500), Duration.ofSeconds(15))))
                .hasValueSatisfying(r -> assertThat(r.message()).isEqualTo("k3s takes whole seconds, got 10500 ms"));
        assertThat(K3sFlags.refusal(timings(Duration.ofSeconds(10), Duration.ofMillis(1500))))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("pod-eviction-timeout"));
        assertThatThrownBy(() -> K3sFlags.agent(timings(Duration.ofSeconds(2), Duration.ofSeconds(15)), OPTIONS, "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("kubernetes.node-monitor-grace-period: at least 5s");
    }
}
