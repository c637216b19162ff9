package io.mch.harness.backend.k3s;

import io.mch.harness.backend.docker.ContainerFault;
import io.mch.harness.backend.docker.KillContainer;
import io.mch.harness.backend.docker.PauseContainer;
import io.mch.harness.backend.docker.StopContainer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the k3s backend runs: which k3s image (pinned, so a run is repeatable), which images to
 * side-load into the nodes from the local engine (nodes usually cannot pull: every pod sandbox
 * needs the pause image, cluster DNS its CoreDNS image, the workload its own), how long a cluster
 * may take to come up, and how a node is lost.
 *
 * @param image the rancher/k3s image of servers and agents (a mirrored name such as
 *     {@code registry.example/rancher/k3s:v1.31.4-k3s1} is fine)
 * @param workloadImage the image the topology's workload runs
 * @param pauseImage the pod sandbox image, passed to k3s as {@code --pause-image}
 * @param dnsImage the CoreDNS image k3s's packaged manifest names for this k3s version
 * @param startupTimeout how long one cluster may take until every node is Ready
 * @param nodeOutage what a node loss does to an agent container
 */
public record K3sOptions(String image, String workloadImage, String pauseImage, String dnsImage,
        Duration startupTimeout, NodeOutage nodeOutage) {

    public static final String DEFAULT_IMAGE = "rancher/k3s:v1.31.4-k3s1";
    public static final String DEFAULT_WORKLOAD_IMAGE = "nginxinc/nginx-unprivileged:1.27";
    /** From the k3s release's {@code k3s-images.txt} of {@link #DEFAULT_IMAGE}. */
    public static final String DEFAULT_PAUSE_IMAGE = "rancher/mirrored-pause:3.6";
    /** From the k3s release's {@code k3s-images.txt} of {@link #DEFAULT_IMAGE}. */
    public static final String DEFAULT_DNS_IMAGE = "rancher/mirrored-coredns-coredns:1.12.0";
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
        Objects.requireNonNull(pauseImage, "pauseImage");
        Objects.requireNonNull(dnsImage, "dnsImage");
        Objects.requireNonNull(nodeOutage, "nodeOutage");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
        }
    }

    /** With the default pause and DNS images. */
    public K3sOptions(String image, String workloadImage, Duration startupTimeout, NodeOutage nodeOutage) {
        this(image, workloadImage, DEFAULT_PAUSE_IMAGE, DEFAULT_DNS_IMAGE, startupTimeout, nodeOutage);
    }

    /**
     * The defaults, each overridable by a system property: {@code mch.k3s.image},
     * {@code mch.k3s.workload-image}, {@code mch.k3s.pause-image}, {@code mch.k3s.dns-image},
     * {@code mch.k3s.startup-timeout} (ISO-8601, e.g. PT5M) and {@code mch.k3s.node-outage}
     * (stop, kill, pause).
     */
    public static K3sOptions fromSystemProperties() {
        return new K3sOptions(
                System.getProperty("mch.k3s.image", DEFAULT_IMAGE),
                System.getProperty("mch.k3s.workload-image", DEFAULT_WORKLOAD_IMAGE),
                System.getProperty("mch.k3s.pause-image", DEFAULT_PAUSE_IMAGE),
                System.getProperty("mch.k3s.dns-image", DEFAULT_DNS_IMAGE),
                Duration.parse(System.getProperty("mch.k3s.startup-timeout", DEFAULT_STARTUP_TIMEOUT.toString())),
                NodeOutage.valueOf(System.getProperty("mch.k3s.node-outage", "stop").toUpperCase(java.util.Locale.ROOT)));
    }

    public K3sOptions withImage(String image) {
        return new K3sOptions(image, workloadImage, pauseImage, dnsImage, startupTimeout, nodeOutage);
    }

    /** The images copied into every node at start, so that no node has to pull: sandbox, DNS, workload. */
    public List<String> sideLoaded() {
        return List.of(pauseImage, dnsImage, workloadImage);
    }
}
