package io.mch.harness.backend.k3s;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The k3s backend against real k3s ({@code -Dmch.k3s.image}, default the pinned image), with the
 * pause, CoreDNS and workload images side-loaded from the local engine. Needs those images, so it
 * runs in the hosted {@code k3s-e2e} workflow, which pulls them, and is left out of
 * {@code mvn verify} here (harness/pom.xml); here the same steps run against the stand-in
 * ({@link K3sStandInEndToEndTest}). The containers' logs stay in {@code target/k3s-e2e/k3s-logs}.
 */
class K3sEndToEndTest {

    @Test
    void realK3sTwoClustersFromAMirroredNameSurviveNodeLossAndClusterLoss() throws Exception {
        K3sOptions options = K3sOptions.fromSystemProperties();
        K3sEndToEnd.run(options.withImage(K3sEndToEnd.mirrored(options.image())), Path.of("target", "k3s-e2e"),
                Duration.ofMinutes(3));
    }
}
