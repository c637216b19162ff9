package io.mch.harness.backend.k3s;

import io.mch.harness.backend.docker.ContainerFault;
import io.mch.harness.backend.docker.KillContainer;
import io.mch.harness.backend.docker.PauseContainer;
import io.mch.harness.backend.docker.StopContainer;
import java.time.Duration;
import java.util.Objects;

/**
 * How the k3s backend runs: which k3s image (pinned, so a run is repeatable), which workload image
 * to side-load into the nodes from the local engine (nodes usually cannot pull either), how long a
 * cluster may take to come up, and how a node is lost.
 *
 * @param image the rancher/k3s image of servers and agents
 * @param workloadImage the image the topology's workload runs, copied into every node when the
 *     local engine has it; otherwise the nodes pull it themselves
 * @param startupTimeout how long one cluster may take until every node is Ready
 * @param nodeOutage what a node loss does to an agent container
 */
public record K3sOptions(String image, String workloadImage, Duration startupTimeout, NodeOutage nodeOutage) {

    public static final String DEFAULT_IMAGE = "rancher/k3s:v1.31.4-k3s1";
    public static final String DEFAULT_WORKLOAD_IMAGE = "nginxinc/nginx-unprivileged:1.27";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /** How a lost node dies; every one heals by bringing the same container back. */
    public enum NodeOutage {
        /** {@code docker stop}: the kubelet shuts down cleanly. */
        STOP,
        /** {@code docker kill}: power loss. */
        KILL,
        /** {@code docker pause}: a hung machine whose connections stay open. */
        PAUSE;

        ContainerFault fault() {
            return switch (this) {
                case STOP -> new StopContainer(Duration.ofSeconds(2));
                case KILL -> new KillContainer();
                case PAUSE -> new PauseContainer();
            };
        }
    }

    public K3sOptions {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(workloadImage, "workloadImage");
        Objects.requireNonNull(nodeOutage, "nodeOutage");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
        }
    }

    /**
     * The defaults, each overridable by a system property: {@code mch.k3s.image},
     * {@code mch.k3s.workload-image}, {@code mch.k3s.startup-timeout} (ISO-8601, e.g. PT5M) and
     * {@code mch.k3s.node-outage} (stop, kill, pause).
     */
    public static K3sOptions fromSystemProperties() {
        return new K3sOptions(
                System.getProperty("mch.k3s.image", DEFAULT_IMAGE),
                System.getProperty("mch.k3s.workload-image", DEFAULT_WORKLOAD_IMAGE),
                Duration.parse(System.getProperty("mch.k3s.startup-timeout", DEFAULT_STARTUP_TIMEOUT.toString())),
                NodeOutage.valueOf(System.getProperty("mch.k3s.node-outage", "stop").toUpperCase(java.util.Locale.ROOT)));
    }

    public K3sOptions withImage(String image) {
        return new K3sOptions(image, workloadImage, startupTimeout, nodeOutage);
    }
}
