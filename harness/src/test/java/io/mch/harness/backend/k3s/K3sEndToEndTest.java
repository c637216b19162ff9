package io.mch.harness.backend.k3s;

import java.nio.file.Path;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.runtime.RunContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import io.fabric8.kubernetes.api.model.Node;
import io.mch.faults.Heal;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.traffic.Http;
import io.mch.harness.workload.Workloads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * A real 1-server + 1-agent k3s cluster: the workload runs and is served through the ingress, and
 * a node loss makes the node NotReady until healed. Runs only where the k3s image is present.
 */
class K3sEndToEndTest {

    @Test
    void clusterServesTheWorkloadAndALostNodeGoesNotReady() throws Exception {
        K3sOptions options = K3sOptions.fromSystemProperties();
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine is reachable (start dockerd, or set DOCKER_HOST): k3s end-to-end test skipped");
        DockerClient docker = DockerClientFactory.instance().client();
        assumeTrue(Preflight.present(docker, options.image()),
                "the k3s image " + options.image() + " is absent from the local Docker engine: run `docker pull "
                        + options.image() + "` (and `docker pull " + options.workloadImage()
                        + "`) to enable this test, or name another local image with -Dmch.k3s.image");

        try (Fleet fleet = new K3sBackend(options).start(K3sBackendTest.topology(2), RunContext.detached(TimeScale.REAL, Path.of("target")));
                Http http = new Http(2, Duration.ofSeconds(5))) {
            Cluster east = fleet.cluster("east");
            assertThat(east.status()).isEqualTo("Healthy");
            Workloads.apply(east.client(), List.of(K3sBackendTest.MANIFEST));
            await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                    .until(() -> http.get(east.ingress(), "/healthz/api-server").status() == 200);
            Http.Response served = http.get(east.ingress(), "/api-server/");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.cluster()).isEqualTo("east");

            Heal heal = fleet.loseNodes("east", 1);
            assertThat(east.status()).isEqualTo("Degraded");
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                    .until(() -> !K3sCluster.ready(agent(east)));
            heal.heal();
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> K3sCluster.ready(agent(east)));
        }
        assertThat(docker.listContainersCmd().withShowAll(true)
                        .withLabelFilter(List.of(RunResources.LABEL)).exec())
                .isEmpty();
    }

    private static Node agent(Cluster cluster) {
        return cluster.client().nodes().withName("east-agent-1").get();
    }
}
