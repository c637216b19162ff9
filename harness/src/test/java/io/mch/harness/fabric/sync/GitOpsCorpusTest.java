package io.mch.harness.fabric.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Step;
import io.mch.harness.config.SyncSpec;
import io.mch.harness.config.Topology;
import io.mch.harness.config.TopologyLoader;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.network.Network;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.history.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed document's own ApplicationSet and GitRepo, with its path written as a real kustomize
 * overlay over a base, on an embedded fleet of the seed's clusters: each cluster must end up with
 * exactly the objects Argo CD and Fleet would put there (the overlay rendered by kustomize, the
 * GitRepo's bundle on production and staging, nothing on dev or the hub), and a manual
 * application only once a {@code sync} step asks for it.
 */
class GitOpsCorpusTest {

    private static final Path SEED = Path.of("src/test/resources/io/mch/harness/fabric/sync/corpus/seed");
    private static final TimeScale SCALE = new TimeScale(10);
    /** How long a first reconcile may take on a loaded machine (start waits 30 s, then goes on). */
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Test
    void theSeedApplicationSetPutsTheRenderedOverlayOnProductionOnly() throws Exception {
        try (Running run = start("applicationset.yaml")) {
            assertThat(run.sync.members()).containsExactlyInAnyOrder("prod", "staging", "dev");
            settle(run, "api-server", "Synced", "prod");
            ConfigMap config = configMap(run, "prod", "production", "prod-api-server");
            assertThat(config.getData()).containsEntry("replicas", "3").containsEntry("log-level", "info");
            assertThat(config.getMetadata().getLabels()).containsEntry("env", "production");
            assertThat(run.fleet.cluster("prod").client().services().inNamespace("production").withName("prod-api-server")
                    .get()).isNotNull();
            assertThat(run.sync.desired().get("prod")).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                    .containsExactlyInAnyOrder("ConfigMap/prod-api-server", "Service/prod-api-server");
            assertThat(run.sync.desired().get("staging")).isEmpty();
            assertThat(run.sync.desired()).doesNotContainKey("hub");
            assertThat(run.sync.status("api-server", "prod")).contains("Synced");
            for (String other : List.of("staging", "dev", "hub")) {
                assertThat(configMaps(run, other, "production")).isEmpty();
            }
        }
    }

    @Test
    void aTemplatedPathAndNamespacePutEachClustersOwnOverlayInItsOwnNamespace() throws Exception {
        try (Running run = start("templated.yaml")) {
            settle(run, "api-server-per-env", "Synced", "prod", "staging");
            assertThat(configMap(run, "prod", "api-prod", "prod-api-server").getData()).containsEntry("replicas", "3");
            assertThat(configMap(run, "staging", "api-staging", "staging-api-server").getData())
                    .containsEntry("replicas", "2");
            assertThat(run.sync.desired().get("dev")).isEmpty();
            assertThat(run.sync.members()).doesNotContain("hub");
        }
    }

    @Test
    void generatorValuesAndAPostSelectorOverThemChooseTheOverlayAndTheClusters() throws Exception {
        try (Running run = start("values.yaml")) {
            assertThat(run.sync.members()).doesNotContain("hub");
            settle(run, "api-server-values", "Synced", "prod", "staging");
            assertThat(configMap(run, "prod", "api-prod", "prod-api-server").getData()).containsEntry("replicas", "3");
            assertThat(configMap(run, "staging", "api-staging", "staging-api-server").getData())
                    .containsEntry("replicas", "2");
            assertThat(run.sync.desired().get("dev")).isEmpty();
            assertThat(configMaps(run, "hub", "api-hub")).isEmpty();
        }
    }

    @Test
    void aListGeneratorPutsEachElementsOverlayOnTheClusterItNamesTheHubAsInCluster() throws Exception {
        try (Running run = start("list.yaml")) {
            assertThat(run.sync.members()).contains("hub", "prod", "staging");
            settle(run, "api-server-list", "Synced", "prod", "staging", "hub");
            assertThat(configMap(run, "prod", "api-live", "prod-api-server").getData()).containsEntry("replicas", "3");
            assertThat(configMap(run, "staging", "api-test", "staging-api-server").getData())
                    .containsEntry("replicas", "2");
            assertThat(configMap(run, "hub", "api-hub", "staging-api-server").getData()).containsEntry("replicas", "2");
            assertThat(run.sync.desired().get("dev")).isEmpty();
        }
    }

    @Test
    void theSeedGitRepoPutsItsBundleOnProductionAndStaging() throws Exception {
        try (Running run = start("gitrepo.yaml")) {
            settle(run, "api-server", "Synced", "prod", "staging");
            for (String target : List.of("prod", "staging")) {
                assertThat(configMap(run, target, "production", "prod-api-server").getData()).containsEntry("replicas", "3");
                assertThat(run.sync.status("api-server", target)).contains("Synced");
            }
            assertThat(configMaps(run, "dev", "production")).isEmpty();
            assertThat(configMaps(run, "hub", "production")).isEmpty();
        }
    }

    @Test
    void fleetHelmBundlesRenderTheirChartWithReleaseNameValuesAndValuesFiles() throws Exception {
        try (Running run = start("helm-gitrepo.yaml")) {
            settle(run, "charts", "Synced", "prod");
            assertThat(configMap(run, "prod", "web", "web-config").getData())
                    .containsEntry("replicas", "5").containsEntry("tier", "frontend");
            assertThat(configMap(run, "prod", "api", "api-config").getData()).containsEntry("log-level", "info");
            assertThat(configMaps(run, "staging", "web")).isEmpty();
            assertThat(run.sync.desired().get("prod")).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                    .containsExactlyInAnyOrder("ConfigMap/web-config", "ConfigMap/api-config");
        }
    }

    @Test
    void aManualApplicationStaysOutOfSyncUntilASyncStepAndReachesTheHub() throws Exception {
        try (Running run = start("manual.yaml")) {
            assertThat(run.sync.members()).containsExactlyInAnyOrder("hub", "prod", "staging", "dev");
            settle(run, "api-server-manual", "OutOfSync", "hub", "prod", "staging", "dev");
            for (String cluster : List.of("hub", "prod", "staging", "dev")) {
                assertThat(run.sync.status("api-server-manual", cluster)).contains("OutOfSync");
                assertThat(configMaps(run, cluster, "manual")).isEmpty();
            }
            run.sync.perform(new Step.Scheduled(0, Duration.ZERO, new Step.Sync(new Step.Commit("api-server-manual",
                    Step.CommitOp.CHANGE, "config.yaml", Optional.of(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                            "metadata", Map.of("name", "api-server"), "data", Map.of("replicas", "2")))))));
            for (String cluster : List.of("hub", "prod", "staging", "dev")) {
                await().atMost(SETTLE).until(() -> run.sync.status("api-server-manual", cluster)
                        .equals(Optional.of("Synced")));
                assertThat(configMap(run, cluster, "manual", "api-server").getData()).containsEntry("replicas", "2");
            }
        }
    }

    @Test
    void aKustomizationThatDoesNotBuildIsASyncErrorNamingItsDirectoryNotAnUnreachableCluster() throws Exception {
        try (Running run = start("broken.yaml")) {
            settle(run, "broken", "OutOfSync", "prod");
            assertThat(run.sync.status("broken", "prod")).contains("OutOfSync");
            assertThat(events).filteredOn(Event.SyncStatus.class::isInstance).map(e -> (Event.SyncStatus) e)
                    .singleElement().satisfies(s -> assertThat(s.detail()).startsWith("sync failed: cannot render")
                            .contains("kustomize build").contains("k8s/broken"));
        }
    }

    /** Waits until the application has {@code status} on every cluster named. */
    private static void settle(Running run, String application, String status, String... clusters) {
        await().atMost(SETTLE).until(() -> Stream.of(clusters)
                .allMatch(c -> run.sync.status(application, c).equals(Optional.of(status))));
    }

    /** An embedded fleet of the seed's clusters, with the GitOps controller started on it. */
    private record Running(Fleet fleet, Network network, GitOpsSync sync) implements AutoCloseable {
        @Override
        public void close() {
            sync.close();
            network.close();
            fleet.close();
        }
    }

    private Running start(String applications) throws Exception {
        Path corpus = dir.resolve("seed");
        try (Stream<Path> files = Files.walk(SEED)) {
            for (Path p : files.toList()) {
                Path copy = corpus.resolve(SEED.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
        Path topologyFile = corpus.resolve("topology.yaml");
        Files.writeString(topologyFile, Files.readString(topologyFile).replace("APPLICATIONS", applications));
        Topology topology = TopologyLoader.load(topologyFile);
        SyncSpec spec = topology.fabric().sync().orElseThrow();
        Fleet fleet = new EmbeddedBackend().start(topology, RunContext.detached(TimeScale.REAL, Path.of("target")));
        Network network = Network.of(topology, 3);
        FabricContext ctx = new FabricContext(new RunContext(RunClock.startingNow(SCALE), events::add, 7, Console.silent(),
                dir.resolve("run")), topology, fleet, network, List.of());
        return new Running(fleet, network, GitOpsSync.start(spec.wall(SCALE), ctx));
    }

    private static ConfigMap configMap(Running run, String cluster, String namespace, String name) {
        return run.fleet.cluster(cluster).client().configMaps().inNamespace(namespace).withName(name).get();
    }

    private static List<String> configMaps(Running run, String cluster, String namespace) {
        return run.fleet.cluster(cluster).client().configMaps().inNamespace(namespace).list().getItems().stream()
                .map(c -> c.getMetadata().getName()).toList();
    }
}
