package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.backend.kubeconfig.MockClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --backend kubeconfig}'s refusals and {@code mch heal}, against mock API servers named in a kubeconfig. */
class KubeconfigCommandsTest {

    private static final Map<String, String> LEFT_BY_MCH = Map.of("app.kubernetes.io/managed-by", "mch", "mch.io/run", "killed-run");

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private MockClusters mocks;

    @AfterEach
    void stop() {
        if (mocks != null) {
            mocks.close();
        }
    }

    @Test
    void healRevertsWhatAKilledRunLeftOnEveryContextAndLeavesEverythingElse() {
        mocks = MockClusters.start(dir, "east", "west");
        KubernetesClient east = mocks.client("east");
        KubernetesClient west = mocks.client("west");
        east.nodes().resource(new NodeBuilder(MockClusters.readyNode("n1"))
                .editMetadata().addToAnnotations("mch.io/cordoned-by", "killed-run").endMetadata()
                .editSpec().withUnschedulable(true).endSpec().build()).create();
        east.nodes().resource(new NodeBuilder(MockClusters.readyNode("n2"))
                .editSpec()
                .addNewTaint().withKey("mch.io/node-loss").withValue("killed-run").withEffect("NoExecute").endTaint()
                .addNewTaint().withKey("dedicated").withValue("gpu").withEffect("NoSchedule").endTaint()
                .endSpec().build()).create();
        east.nodes().resource(new NodeBuilder(MockClusters.readyNode("n3"))
                .editSpec().withUnschedulable(true).endSpec().build()).create();
        east.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("leftover").withNamespace("default").withLabels(LEFT_BY_MCH).endMetadata()
                .build()).create();
        east.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("unrelated").withNamespace("default").endMetadata()
                .build()).create();
        east.apps().deployments().inNamespace("team").resource(new DeploymentBuilder()
                .withNewMetadata().withName("api-server").withNamespace("team").withLabels(LEFT_BY_MCH).endMetadata()
                .withNewSpec().withReplicas(1).endSpec()
                .build()).create();
        west.services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("api-server").withNamespace("default").withLabels(LEFT_BY_MCH).endMetadata()
                .build()).create();
        west.namespaces().resource(new NamespaceBuilder()
                .withNewMetadata().withName("mch-scratch").withLabels(LEFT_BY_MCH).endMetadata().build()).create();

        assertThat(MchCommand.execute("heal", "--backend", "kubeconfig", "--kubeconfig", mocks.kubeconfig().toString()))
                .isEqualTo(0);

        Node n1 = east.nodes().withName("n1").get();
        assertThat(n1.getSpec().getUnschedulable()).isFalse();
        assertThat(n1.getMetadata().getAnnotations()).doesNotContainKey("mch.io/cordoned-by");
        assertThat(east.nodes().withName("n2").get().getSpec().getTaints())
                .extracting(t -> t.getKey()).containsExactly("dedicated");
        assertThat(east.nodes().withName("n3").get().getSpec().getUnschedulable()).isTrue();
        assertThat(east.configMaps().inNamespace("default").withName("leftover").get()).isNull();
        assertThat(east.configMaps().inNamespace("default").withName("unrelated").get()).isNotNull();
        assertThat(east.apps().deployments().inNamespace("team").withName("api-server").get()).isNull();
        assertThat(west.services().inNamespace("default").withName("api-server").get()).isNull();
        assertThat(west.namespaces().withName("mch-scratch").get()).isNull();
        assertThat(streams.out())
                .contains("east: node n1: uncordoned (cordoned by run killed-run)")
                .contains("east: node n2: removed taint mch.io/node-loss=killed-run:NoExecute")
                .contains("east: deleted ConfigMap default/leftover (run killed-run)")
                .contains("east: deleted Deployment team/api-server")
                .contains("west: deleted Service default/api-server")
                .contains("west: deleted Namespace mch-scratch")
                .doesNotContain("n3")
                .doesNotContain("unrelated");

        assertThat(MchCommand.execute("heal", "--kubeconfig", mocks.kubeconfig().toString(), "--context", "west"))
                .isEqualTo(0);
        assertThat(streams.out()).contains("west: nothing to heal");
    }

    @Test
    void healOfAContextThatCannotBeReachedSaysWhichAndExitsThree() {
        mocks = MockClusters.start(dir, "east", "gone");
        mocks.server("gone").destroy();

        assertThat(MchCommand.execute("heal", "--kubeconfig", mocks.kubeconfig().toString())).isEqualTo(3);

        assertThat(streams.out()).contains("east: nothing to heal");
        assertThat(streams.err()).contains("context 'gone': could not heal");
    }

    @Test
    void aDestructiveFaultOnAContextNotAllowedIsRefusedBeforeAnyClusterIsContacted() throws Exception {
        mocks = MockClusters.start(dir, "prod-us", "prod-eu");
        Path scenario = scenario("""
                faults:
                  - at: 5s
                    partition: { between: [us-east], and: [eu-west] }
                  - at: 10s
                    node-loss: { cluster: eu-west, count: 1 }
                  - at: 20s
                    cluster-loss: { cluster: us-east }
                """);
        Path out = dir.resolve("out");

        int exit = MchCommand.execute("run", scenario.toString(), "--backend", "kubeconfig",
                "--kubeconfig", mocks.kubeconfig().toString(), "--context", "us-east=prod-us", "--context", "eu-west=prod-eu",
                "--allow-destructive", "prod-us", "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(streams.err())
                .contains(scenario + ":8:5: faults[1].node-loss: context 'prod-eu' is not in --allow-destructive;"
                        + " destructive faults on existing clusters need explicit permission")
                .doesNotContain("faults[2]")
                .doesNotContain("faults[0]")
                .contains("nothing was run");
        assertThat(mocks.server("prod-us").getRequestCount()).isZero();
        assertThat(mocks.server("prod-eu").getRequestCount()).isZero();
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnreachableContextStopsTheRunBeforeItStartsAndIsNamed() throws Exception {
        mocks = MockClusters.start(dir, "us-east", "eu-west");
        mocks.server("eu-west").destroy();
        Path out = dir.resolve("out");

        int exit = MchCommand.execute("run", scenario("").toString(), "--backend", "kubeconfig",
                "--kubeconfig", mocks.kubeconfig().toString(), "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(streams.err()).contains("context 'eu-west' (cluster eu-west)").contains("cannot be reached")
                .contains("nothing was run");
        assertThat(out).doesNotExist();
    }

    @Test
    void existingClustersRunInRealTime() throws Exception {
        assertThat(MchCommand.execute("run", scenario("").toString(), "--backend", "kubeconfig", "--time-scale", "10"))
                .isEqualTo(2);
        assertThat(streams.err()).contains("--time-scale needs the embedded backend");
    }

    private Path scenario(String faults) throws Exception {
        Files.writeString(dir.resolve("t.yaml"), """
                name: t
                clusters:
                  - { name: us-east, region: r1, role: active, nodes: 3 }
                  - { name: eu-west, region: r2, role: passive, nodes: 3 }
                """);
        return Files.writeString(dir.resolve("s.yaml"), """
                name: s
                topology: t.yaml
                duration: 1m
                """ + faults);
    }
}
