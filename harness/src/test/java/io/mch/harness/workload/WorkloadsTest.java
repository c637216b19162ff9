package io.mch.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a bare CRUD mock: no controllers run, so nothing ever becomes ready by itself. */
class WorkloadsTest {

    private static final Path MANIFEST = Path.of("..", "topology-fixtures", "workloads", "api-server.yaml");

    /** The mock logs every request at INFO; held here so the level sticks. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void startApi() throws Exception {
        MOCK_LOG.setLevel(Level.WARNING);
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(List.of()), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    @AfterEach
    void stopApi() {
        client.close();
        server.destroy();
    }

    @Test
    void createsTheManifestsObjectsThenUpdatesThemOnTheNextApply(@TempDir Path dir) throws Exception {
        Workloads.apply(client, List.of(MANIFEST));

        Deployment deployment = client.apps().deployments().inNamespace("default").withName("api-server").get();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort())
                .isEqualTo(8080);
        assertThat(client.services().inNamespace("default").withName("api-server").get().getSpec().getPorts().get(0).getPort())
                .isEqualTo(80);

        Path scaled = dir.resolve("scaled.yaml");
        Files.writeString(scaled, Files.readString(MANIFEST).replace("replicas: 3", "replicas: 5"));
        Workloads.apply(client, List.of(scaled));

        assertThat(client.apps().deployments().inNamespace("default").withName("api-server").get().getSpec().getReplicas())
                .isEqualTo(5);
        assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).hasSize(1);
    }

    @Test
    void objectsWithoutANamespaceGoToDefaultNotToTheClientsNamespace(@TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("cm.yaml");
        Files.writeString(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: \"1\"\n");

        Workloads.apply(client, List.of(manifest));

        assertThat(client.configMaps().inNamespace("default").withName("settings").get().getData()).containsEntry("a", "1");
    }

    @Test
    void awaitReadyTimesOutNamingTheServiceAndWhatItSaw() {
        Workloads.apply(client, List.of(MANIFEST));

        assertThatThrownBy(() -> Workloads.awaitReady(client, "default", "api-server", Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(client.getMasterUrl().toString())
                .hasMessageContaining("default/api-server")
                .hasMessageContaining("no Endpoints object")
                .hasMessageContaining("api-server 0/3 ready");
    }

    @Test
    void aMissingManifestIsReportedByPath() {
        Path missing = Path.of("no-such-manifest.yaml");
        assertThatThrownBy(() -> Workloads.apply(client, List.of(missing))).hasMessageContaining("no-such-manifest.yaml");
    }
}
