package io.mch.harness.backend.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.config.Topology;
import io.mch.harness.config.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aClustersContextComesFromTheCommandLineThenTheTopologyThenItsName() throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), """
                name: t
                clusters:
                  - { name: us-east, region: r1, role: active, context: prod-us }
                  - { name: eu-west, region: r2, role: passive, context: prod-eu }
                  - { name: dr, region: r3, role: passive }
                """);
        Topology topology = TopologyLoader.load(file);
        KubeconfigOptions commandLine = new KubeconfigOptions(
                java.util.List.of(dir.resolve("kubeconfig")), Map.of("eu-west", "staging-eu"), Set.of(), "run-1");

        KubeconfigOptions effective = commandLine.forTopology(topology);

        assertThat(effective.context("us-east")).isEqualTo("prod-us");
        assertThat(effective.context("eu-west")).isEqualTo("staging-eu");
        assertThat(effective.context("dr")).isEqualTo("dr");
    }
}
