package io.mch.harness.backend.k3s;

import io.mch.harness.backend.docker.LocalDocker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k3s backend's own code end to end against the k3s stand-in image (see K3sStandInImage): it
 * verifies mch's side — preflight, Testcontainers' lifecycle and wait strategy, flags, kubeconfig,
 * ports after a restart, agents, Docker-level faults, the NodePort front, the API forwarder,
 * logs and cleanup — not k3s's behaviour, which only the hosted job's {@code K3sEndToEndTest} sees.
 * The side-loaded pause, DNS and workload images are the local busybox image.
 */
class K3sStandInEndToEndTest {

    @Test
    void standInTwoClustersFromAMirroredNameSurviveNodeLossAndClusterLoss(@TempDir Path runDir) throws Exception {
        String standIn = K3sStandInImage.ensure();
        K3sOptions options = new K3sOptions(K3sEndToEnd.mirrored(standIn), LocalDocker.BUSYBOX, LocalDocker.BUSYBOX, LocalDocker.BUSYBOX,
                Duration.ofMinutes(2), K3sOptions.NodeOutage.STOP);
        K3sEndToEnd.run(options, runDir, Duration.ofSeconds(60));
    }
}
