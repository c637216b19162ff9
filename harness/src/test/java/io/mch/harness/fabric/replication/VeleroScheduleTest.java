package io.mch.harness.fabric.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.config.BackupCadence;
import io.mch.harness.config.ReplicationSpec;
import io.mch.harness.config.ResourceSelection;
import io.mch.harness.config.Step;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.workload.AnyKind;
import io.mch.reports.history.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Velero's Schedule and Restore as the DR controller carries them out: when, what, and into what. */
class VeleroScheduleTest {

    private static final Duration AWHILE = Duration.ofSeconds(30);

    @Test
    void aPausedScheduleTakesNoBackupSoTheFailoverHasNothingToRestore(@TempDir Path dir) throws Exception {
        try (var f = ReplicationFleet.start(dir)) {
            AppObjects.create(f.fleet.cluster("us-east").client(), "shop");
            var paused = new BackupCadence(Optional.empty(), Optional.of(Duration.ofMillis(500)), true, false);
            try (var replication = Replication.start(spec(paused, ResourceSelection.ALL, restoreAll(false)), f.ctx)) {
                f.fleet.loseCluster("us-east");
                await().atMost(AWHILE).until(() -> f.stream(Event.Restored.class).findAny().isPresent());

                assertThat(f.events(Event.BackupTaken.class)).isEmpty();
                assertThat(f.events(Event.Restored.class)).singleElement().satisfies(r -> {
                    assertThat(r.backup()).isNull();
                    assertThat(r.objects()).isZero();
                });
            }
        }
    }

    @Test
    void aCronScheduleFiresAtItsTimesOnTheCompressedClock(@TempDir Path dir) throws Exception {
        try (var f = ReplicationFleet.start(dir, new TimeScale(20))) {
            AppObjects.create(f.fleet.cluster("us-east").client(), "shop");
            var everyMinute = new BackupCadence(Optional.of("*/1 * * * *"), Optional.empty(), false, true);
            try (var replication = Replication.start(spec(everyMinute, ResourceSelection.ALL, restoreAll(false)), f.ctx)) {
                await().atMost(AWHILE).until(() -> f.events(Event.BackupTaken.class).size() >= 2);
            }
            List<Long> started = f.stream(Event.BackupTaken.class).map(Event.BackupTaken::startedMs).toList();
            assertThat(started.get(0)).as("skipImmediately: nothing before the first minute").isGreaterThanOrEqualTo(60_000);
            assertThat(started.get(1)).as("the next whole minute after the first backup")
                    .isGreaterThanOrEqualTo(started.get(0) / 60_000 * 60_000 + 60_000);
        }
    }

    @Test
    void filteredBackupsHoldOnlyWhatTheFiltersSelectAndTheRestoreOnlyWhatItsFiltersSelect(@TempDir Path dir)
            throws Exception {
        try (var f = ReplicationFleet.start(dir)) {
            KubernetesClient east = f.fleet.cluster("us-east").client();
            KubernetesClient west = f.fleet.cluster("eu-west").client();
            AppObjects.create(east, "shop");
            configMap(east, "shop", "web-settings", Map.of("app", "web"));
            configMap(east, "shop", "web-secret-ish", Map.of("app", "web", ResourceSelection.EXCLUDE_LABEL, "true"));
            configMap(east, "cache", "web-settings", Map.of("app", "web"));
            east.apiextensions().v1().customResourceDefinitions().resource(dnsEndpointCrd()).create();
            AnyKind.of(east, dnsEndpoint("shop", "api-global", Map.of("app", "web"))).create();
            AnyKind.of(east, dnsEndpoint("shop", "api-internal", Map.of("app", "db"))).create();
            configMap(west, "shop", "web-settings", Map.of("app", "stale"));

            var selection = new ResourceSelection(List.of("shop"), List.of(), List.of("configmaps",
                    "dnsendpoints.externaldns.k8s.io"), List.of(), Optional.of(new LabelSelectorBuilder()
                    .addToMatchLabels("app", "web").build()), List.of());
            var restore = new ReplicationSpec.Restore(new ResourceSelection(List.of(), List.of(),
                    List.of("dnsendpoints.externaldns.k8s.io", "configmaps"), List.of(), Optional.empty(), List.of()),
                    true, Optional.empty());
            try (var replication = Replication.start(spec(BackupCadence.every(Duration.ofHours(1)), selection, restore),
                    f.ctx)) {
                await().atMost(AWHILE).until(() -> f.events(Event.BackupTaken.class).size() == 1);
                Event.BackupTaken taken = f.events(Event.BackupTaken.class).get(0);
                assertThat(taken.namespace()).isEqualTo("shop");
                assertThat(list(replication.backupDirectory(taken.backup()).orElseThrow())).containsExactlyInAnyOrder(
                        "configmap--shop--web-settings.yaml",
                        "dnsendpoint.externaldns.k8s.io--shop--api-global.yaml",
                        "customresourcedefinition.apiextensions.k8s.io--dnsendpoints.externaldns.k8s.io.yaml");

                assertThat(replication.perform(new Step.Scheduled(0, Duration.ZERO,
                        new Step.Replicate("us-east", "eu-west")))).isTrue();
                await().atMost(AWHILE).until(() -> f.stream(Event.Restored.class).findAny().isPresent());
            }
            assertThat(f.events(Event.Restored.class).get(0).objects()).isEqualTo(3);
            assertThat(west.configMaps().inNamespace("shop").withName("web-settings").get().getMetadata().getLabels())
                    .as("existingResourcePolicy: update").containsEntry("app", "web");
            assertThat(west.apiextensions().v1().customResourceDefinitions().list().getItems()).hasSize(1);
            assertThat(AnyKind.of(west, dnsEndpoint("shop", "api-global", Map.of())).get()).isNotNull();
            assertThat(AnyKind.of(west, dnsEndpoint("shop", "api-internal", Map.of())).get()).isNull();
            assertThat(west.apps().deployments().inNamespace("shop").list().getItems()).isEmpty();
            assertThat(west.configMaps().inNamespace("cache").withName("web-settings").get()).isNull();
        }
    }

    private static ReplicationSpec spec(BackupCadence cadence, ResourceSelection selection, ReplicationSpec.Restore restore) {
        return new ReplicationSpec(Optional.of(new ReplicationSpec.Backup("us-east", cadence, selection,
                Duration.ofHours(720), Optional.empty(), "eu-west", restore, Optional.empty())), List.of());
    }

    private static ReplicationSpec.Restore restoreAll(boolean update) {
        return new ReplicationSpec.Restore(ResourceSelection.ALL, update, Optional.empty());
    }

    private static void configMap(KubernetesClient client, String namespace, String name, Map<String, String> labels) {
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).withLabels(labels).endMetadata().addToData("k", "v").build()).create();
    }

    private static GenericKubernetesResource dnsEndpoint(String namespace, String name, Map<String, String> labels) {
        return new GenericKubernetesResourceBuilder().withApiVersion("externaldns.k8s.io/v1alpha1")
                .withKind("DNSEndpoint").withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(labels).endMetadata()
                .addToAdditionalProperties("spec", Map.of("endpoints", List.of(Map.of("dnsName", "api.example.com"))))
                .build();
    }

    private static io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition dnsEndpointCrd() {
        return new CustomResourceDefinitionBuilder().withNewMetadata().withName("dnsendpoints.externaldns.k8s.io")
                .endMetadata().withNewSpec().withGroup("externaldns.k8s.io").withScope("Namespaced")
                .withNewNames().withKind("DNSEndpoint").withPlural("dnsendpoints").withSingular("dnsendpoint")
                .endNames().addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).endVersion()
                .endSpec().build();
    }

    private static List<String> list(Path backup) throws Exception {
        try (Stream<Path> files = Files.list(backup)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
