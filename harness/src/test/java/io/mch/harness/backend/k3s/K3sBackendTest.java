package io.mch.harness.backend.k3s;

import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.RunContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import io.mch.harness.config.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.mch.harness.config.Fixtures;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.input.InvalidInputException;
import java.nio.file.Files;
import org.testcontainers.DockerClientFactory;

/** The k3s backend's refusals, which need an engine but no k3s image. */
class K3sBackendTest {

    static final Path MANIFEST = Path.of("..", "topology-fixtures", "workloads", "api-server.yaml");

    static Topology topology(int nodes) {
        return new Topology(
                Path.of("k3s-test.yaml"),
                "k3s-test",
                List.of(new Topology.ClusterSpec("east", "r1", Topology.Role.PEER, nodes, Map.of())),
                new Topology.NetworkSpec(List.of(), "r1"),
                new Topology.KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(300)),
                new Topology.FabricSpec(Optional.empty()),
                new Topology.WorkloadSpec(List.of(MANIFEST), "api-server"));
    }

    @Test
    void anAbsentImageThatCannotBePulledFailsBeforeAnythingStarts() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine is reachable (start dockerd, or set DOCKER_HOST): k3s preflight test skipped");
        DockerClient docker = DockerClientFactory.instance().client();
        // A registry on a closed loopback port: the pull attempt fails at once and sends nothing off this machine.
        String absent = "127.0.0.1:1/rancher/k3s:v0.0.0-mch-absent";
        assumeTrue(!Preflight.present(docker, absent), "an image named " + absent + " exists here");
        int before = docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(RunResources.LABEL)).exec().size();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(progress, true, StandardCharsets.UTF_8);
        RunContext run = new RunContext(RunClock.startingNow(), e -> {}, 0, new Console(printed, printed), Path.of("target"));

        assertThatThrownBy(() -> new K3sBackend(K3sOptions.fromSystemProperties().withImage(absent))
                        .start(topology(2), run))
                .isInstanceOf(K3sUnavailableException.class)
                .hasMessageStartingWith("the k3s backend needs the image " + absent
                        + ", which is not present and cannot be pulled (")
                .hasMessageEndingWith("): pull it or pass --k3s-image");
        assertThat(progress.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(RunResources.LABEL)).exec())
                .hasSize(before);
    }

    @Test
    void aGracePeriodTheKubeletCannotHonourIsRefusedWhereItIsWritten(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("short-grace.yaml"), String.join("\n",
                "name: short-grace",
                "topology: active-passive",
                "overrides:",
                "  kubernetes:",
                "    node-monitor-grace-period: 3s",
                "duration: 30s",
                "traffic: { rate: 1/s }",
                "slo: { availability: { min: 50% } }",
                ""));
        Scenario scenario = ScenarioLoader.load(file, Fixtures.discover());

        assertThatThrownBy(() -> new K3sBackend().preflight(scenario))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":5:32: overrides.kubernetes.node-monitor-grace-period: at least 5s on k3s: the"
                        + " kubelet must be able to post its status 5 times (whole seconds apart) within the grace"
                        + " period, got 3s");
    }

    @Test
    void optionsComeFromSystemPropertiesWithPinnedDefaults() {
        K3sOptions defaults = K3sOptions.fromSystemProperties();
        assertThat(defaults.image()).isEqualTo(System.getProperty("mch.k3s.image", K3sOptions.DEFAULT_IMAGE));
        assertThat(K3sOptions.DEFAULT_IMAGE).matches("rancher/k3s:v1\\.\\d+\\.\\d+-k3s\\d+");
        assertThatThrownBy(() -> new K3sOptions("i", "w", Duration.ZERO, K3sOptions.NodeOutage.STOP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
