package io.mch.harness.backend.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.harness.backend.docker.LocalDocker;
import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The k3s backend's own code end to end against the k3s stand-in image (see K3sStandInImage): it
 * verifies mch's side — preflight, Testcontainers' lifecycle and wait strategy, flags, kubeconfig,
 * ports after a restart, agents, Docker-level faults, the NodePort front, the API forwarder,
 * logs and cleanup — not k3s's behaviour, which only the hosted job's {@code K3sEndToEndTest} sees.
 * The side-loaded pause, DNS and workload images are the local busybox image.
 */
class K3sStandInEndToEndTest {

    private static K3sOptions standIn(Duration startupTimeout) {
        String image = K3sEndToEnd.mirrored(K3sStandInImage.ensure());
        return new K3sOptions(image, LocalDocker.BUSYBOX, LocalDocker.BUSYBOX, LocalDocker.BUSYBOX, startupTimeout,
                K3sOptions.NodeOutage.STOP);
    }

    @Test
    void standInTwoClustersFromAMirroredNameSurviveNodeLossAndClusterLoss(@TempDir Path runDir) throws Exception {
        K3sEndToEnd.run(standIn(Duration.ofMinutes(2)), runDir, Duration.ofSeconds(60));
    }

    @Test
    void aStandInServerNotUpInTimeLeavesItsLogInTheRunDirectoryAndNoContainer(@TempDir Path runDir) throws Exception {
        K3sOptions tooShort = standIn(Duration.ofMillis(500));

        assertThatThrownBy(() -> new K3sBackend(tooShort)
                        .start(K3sEndToEnd.twoClusters(), RunContext.detached(TimeScale.REAL, runDir)))
                .hasStackTraceContaining("Node controller sync successful");
        // Testcontainers removed the servers that did not come up; what they printed is kept.
        assertThat(Files.readString(runDir.resolve("k3s-logs/east-server.log")))
                .contains("k3s stand-in (mch test double, not k3s): server ", "--token=********")
                .doesNotContainPattern("--token=[0-9a-f]{32}");
        assertThat(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(RunResources.LABEL)).exec()).isEmpty();
    }
}
