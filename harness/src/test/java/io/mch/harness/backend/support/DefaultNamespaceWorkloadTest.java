package io.mch.harness.backend.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.harness.backend.kubeconfig.KubeconfigBackend;
import io.mch.harness.backend.kubeconfig.KubeconfigOptions;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.input.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload Service outside {@code default} is refused at its {@code metadata.namespace} before a
 * k3s or kubeconfig run starts (their ingress reaches only {@code default}), instead of a two-minute
 * wait and exit 3; a Service in {@code default}, written or not, passes.
 */
class DefaultNamespaceWorkloadTest {

    private static Scenario scenario(Path dir, String serviceMetadata) throws Exception {
        Files.writeString(dir.resolve("shop.yaml"), String.join("\n",
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: { name: shop, namespace: production }",
                "spec:",
                "  replicas: 1",
                "  selector: { matchLabels: { app: shop } }",
                "  template:",
                "    metadata: { labels: { app: shop } }",
                "    spec: { containers: [ { name: shop, image: shop:1 } ] }",
                "---",
                "apiVersion: v1",
                "kind: Service",
                "metadata:",
                serviceMetadata,
                "spec: { selector: { app: shop }, ports: [ { port: 80 } ] }",
                ""));
        Files.writeString(dir.resolve("topology.yaml"), String.join("\n",
                "name: one",
                "clusters:",
                "  - { name: east, region: r1, role: peer, nodes: 1 }",
                "network: { clients: { region: r1 } }",
                "workload: { manifests: [shop.yaml], service: shop }",
                ""));
        Path file = Files.writeString(dir.resolve("scenario.yaml"), String.join("\n",
                "name: shop",
                "topology: ./topology.yaml",
                "duration: 30s",
                "traffic: { rate: 1/s }",
                "slo: { availability: { min: 50% } }",
                ""));
        return ScenarioLoader.load(file);
    }

    @Test
    void aServiceInAnotherNamespaceIsRefusedWhereTheNamespaceIsWritten(@TempDir Path dir) throws Exception {
        Scenario scenario = scenario(dir, "  { name: shop, namespace: production }");

        assertThat(DefaultNamespaceWorkload.refusals(scenario, "k3s"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo(dir.resolve("shop.yaml"));
                    assertThat(p.line()).isEqualTo(14);
                    assertThat(p.field()).isEqualTo("metadata.namespace");
                    assertThat(p.message()).startsWith("the k3s backend reaches the workload's Service only in namespace 'default'");
                });
    }

    @Test
    void aServiceInDefaultWrittenOrNotPasses(@TempDir Path dir) throws Exception {
        assertThat(DefaultNamespaceWorkload.refusals(scenario(dir, "  { name: shop, namespace: default }"), "k3s")).isEmpty();
        assertThat(DefaultNamespaceWorkload.refusals(scenario(dir, "  { name: shop }"), "k3s")).isEmpty();
    }

    @Test
    void theKubeconfigBackendRefusesBeforeContactingAnything(@TempDir Path dir) throws Exception {
        Scenario scenario = scenario(dir, "  { name: shop, namespace: production }");

        assertThatThrownBy(() -> new KubeconfigBackend(new KubeconfigOptions(List.of(dir.resolve("no-kubeconfig")), Map.of(), Set.of(), "run-1")).preflight(scenario))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("shop.yaml:14:")
                .hasMessageContaining("metadata.namespace: the kubeconfig backend reaches");
    }
}
