package io.mch.harness.fabric.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.faults.Heal;
import io.mch.faults.nemesis.PartitionNemesis;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.harness.config.Backups;
import io.mch.harness.config.ReplicationSpec;
import io.mch.harness.config.Step;
import io.mch.harness.network.Endpoints;
import io.mch.reports.history.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisasterRecoveryTest {

    private static final Duration AWHILE = Duration.ofSeconds(20);
    private static final String NS = "shop";

    @Test
    void scheduledBackupsLandInTheStorageAsOneManifestPerObjectAndOnlyTheNewestAreKept(@TempDir Path dir)
            throws Exception {
        try (var f = ReplicationFleet.start(dir)) {
            AppObjects.create(f.fleet.cluster("us-east").client(), NS);
            try (var replication = Replication.start(backupEvery(Duration.ofMillis(150)), f.ctx)) {
                await().atMost(AWHILE).until(() -> f.events(Event.BackupTaken.class).size() >= DisasterRecovery.RETAINED + 2);
            }
            List<Event.BackupTaken> taken = f.events(Event.BackupTaken.class);
            assertThat(taken).allSatisfy(b -> {
                assertThat(b.cluster()).isEqualTo("us-east");
                assertThat(b.namespace()).isEqualTo(NS);
                assertThat(b.objects()).isEqualTo(5);
                assertThat(b.startedMs()).isLessThanOrEqualTo(b.tMs());
                assertThat(b.backup()).isEqualTo("backup-" + b.startedMs());
            });

            Path storage = dir.resolve("backups");
            List<String> kept = taken.subList(taken.size() - DisasterRecovery.RETAINED, taken.size()).stream()
                    .map(Event.BackupTaken::backup).toList();
            assertThat(list(storage)).containsExactlyInAnyOrderElementsOf(kept);
            Path newest = storage.resolve(kept.get(kept.size() - 1));
            assertThat(list(newest)).containsExactlyInAnyOrder("configmap--shop--app-config.yaml",
                    "secret--shop--db-creds.yaml", "serviceaccount--shop--deployer.yaml", "service--shop--web.yaml",
                    "deployment.apps--shop--web.yaml");
            String configMap = Files.readString(newest.resolve("configmap--shop--app-config.yaml"));
            assertThat(configMap).contains("name: \"app-config\"").contains("version: \"v1\"")
                    .doesNotContain("resourceVersion").doesNotContain("uid").doesNotContain("creationTimestamp");
            assertThat(Files.readString(newest.resolve("service--shop--web.yaml"))).contains("port: 80")
                    .doesNotContain("clusterIP");
        }
    }

    @Test
    void losingTheSourceRestoresItsNewestBackupIntoTheStandbyOncePerOutageLeavingExistingObjects(@TempDir Path dir)
            throws Exception {
        try (var f = ReplicationFleet.start(dir)) {
            KubernetesClient east = f.fleet.cluster("us-east").client();
            KubernetesClient west = f.fleet.cluster("eu-west").client();
            AppObjects.create(east, NS);
            AppObjects.configMap(west, NS, "app-config", "stale-in-west");
            try (var replication = Replication.start(backupEvery(Duration.ofMillis(300)), f.ctx)) {
                await().atMost(AWHILE).until(() -> f.events(Event.BackupTaken.class).size() >= 2);

                long faultMs = f.clock.ms();
                Heal loss = f.fleet.loseCluster("us-east");
                await().atMost(AWHILE).until(() -> failoverRestores(f).size() == 1);

                Event.Restored restored = failoverRestores(f).get(0);
                List<Event.BackupTaken> taken = f.events(Event.BackupTaken.class);
                Event.BackupTaken newest = taken.get(taken.size() - 1);
                assertThat(restored.cluster()).isEqualTo("eu-west");
                assertThat(restored.namespace()).isEqualTo(NS);
                assertThat(restored.backup()).isEqualTo(newest.backup());
                assertThat(restored.backupStartedMs()).isEqualTo(newest.startedMs()).isLessThanOrEqualTo(faultMs);
                assertThat(restored.triggerMs()).isGreaterThanOrEqualTo(faultMs).isLessThanOrEqualTo(restored.tMs());
                assertThat(restored.objects()).as("Velero's default existingResourcePolicy skips what exists").isEqualTo(4);
                assertThat(f.stream(Event.BackupTaken.class)).allMatch(b -> b.startedMs() <= faultMs);

                assertThat(AppObjects.version(west, NS, "app-config")).isEqualTo("stale-in-west");
                assertThat(west.configMaps().inNamespace(NS).list().getItems())
                        .extracting(c -> c.getMetadata().getName())
                        .containsOnlyOnce("app-config");
                assertThat(west.apps().deployments().inNamespace(NS).withName("web").get().getSpec().getReplicas())
                        .isEqualTo(2);
                assertThat(west.secrets().inNamespace(NS).withName("db-creds").get()).isNotNull();
                assertThat(west.serviceAccounts().inNamespace(NS).withName("deployer").get()).isNotNull();
                assertThat(west.services().inNamespace(NS).withName("web").get()).isNotNull();
                assertThat(f.stream(Event.FabricNote.class)).anyMatch(n -> n.message().contains("restored " + newest.backup())
                        && n.message().contains("1 existing left as they were"));

                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                        .until(() -> failoverRestores(f).size() == 1);

                loss.heal();
                await().atMost(AWHILE).until(() -> f.stream(Event.FabricNote.class)
                        .anyMatch(n -> n.message().contains("reachable again")));
                Heal again = f.fleet.loseCluster("us-east");
                await().atMost(AWHILE).until(() -> failoverRestores(f).size() == 2);
                again.heal();
            }
        }
    }

    @Test
    void aSourceCutOffFromTheStoragesRegionTakesNoBackupsUntilTheHeal(@TempDir Path dir) throws Exception {
        try (var f = ReplicationFleet.start(dir)) {
            AppObjects.create(f.fleet.cluster("us-east").client(), NS);
            try (var replication = Replication.start(backupEvery(Duration.ofMillis(200)), f.ctx)) {
                await().atMost(AWHILE).until(() -> !f.events(Event.BackupTaken.class).isEmpty());

                Heal partition = new PartitionNemesis(f.network).inject(new FaultSpec.Partition(
                        List.of("us-east"), List.of(Endpoints.CLIENTS), PartitionDirection.BOTH));
                await().atMost(AWHILE).until(() -> f.stream(Event.FabricNote.class)
                        .anyMatch(n -> n.cluster().equals("us-east") && n.message().contains("failed")));
                int taken = f.events(Event.BackupTaken.class).size();
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                        .until(() -> f.events(Event.BackupTaken.class).size() == taken);
                long healMs = f.clock.ms();
                partition.heal();

                await().atMost(AWHILE).until(() -> f.stream(Event.BackupTaken.class).anyMatch(b -> b.startedMs() >= healMs));
            }
        }
    }

    @Test
    void aReplicateStepBacksUpAndRestoresNowAndAFailoverStepRestoresTheNewestBackup(@TempDir Path dir)
            throws Exception {
        try (var f = ReplicationFleet.start(dir)) {
            KubernetesClient east = f.fleet.cluster("us-east").client();
            KubernetesClient west = f.fleet.cluster("eu-west").client();
            AppObjects.create(east, NS);
            try (var replication = Replication.start(backupEvery(Duration.ofHours(1)), f.ctx)) {
                await().atMost(AWHILE).until(() -> f.events(Event.BackupTaken.class).size() == 1);
                AppObjects.configMap(east, NS, "late", "v1");

                long stepMs = f.clock.ms();
                assertThat(replication.perform(scheduled(new Step.Replicate("us-east", "eu-west")))).isTrue();
                await().atMost(AWHILE).until(() -> measured(f, "replicate").size() == 1);

                Event.Measured drill = measured(f, "replicate").get(0);
                assertThat(drill.subject()).isEqualTo("us-east->eu-west");
                assertThat(drill.valueMs()).isPositive().isLessThanOrEqualTo(drill.tMs() - stepMs);
                assertThat(AppObjects.version(west, NS, "late")).isEqualTo("v1");
                Event.BackupTaken second = f.events(Event.BackupTaken.class).get(1);
                assertThat(second.objects()).isEqualTo(6);
                assertThat(stepRestores(f)).singleElement().satisfies(r -> {
                    assertThat(r.backup()).isEqualTo(second.backup());
                    assertThat(r.triggerMs()).isGreaterThanOrEqualTo(stepMs).isLessThanOrEqualTo(r.tMs());
                    assertThat(r.objects()).isEqualTo(6);
                });

                AppObjects.configMap(west, NS, "late", "changed-in-west");
                assertThat(replication.perform(scheduled(new Step.Failover("eu-west")))).isTrue();
                await().atMost(AWHILE).until(() -> stepRestores(f).size() == 2);
                assertThat(stepRestores(f).get(1).backup()).isEqualTo(second.backup());
                assertThat(stepRestores(f).get(1).objects()).isZero();
                assertThat(AppObjects.version(west, NS, "late")).isEqualTo("changed-in-west");

                assertThat(replication.perform(scheduled(new Step.Failover("us-east")))).isFalse();
                assertThat(replication.perform(scheduled(new Step.Replicate("eu-west", "us-east")))).isFalse();
                assertThat(replication.perform(scheduled(new Step.Connect("eu-west")))).isFalse();
                assertThat(replication.desired()).isEmpty();
            }
        }
    }

    static ReplicationSpec backupEvery(Duration every) {
        return new ReplicationSpec(Optional.of(Backups.every(
                "us-east", NS, every, Optional.empty(), "eu-west", Optional.empty())), List.of());
    }

    static Step.Scheduled scheduled(Step step) {
        return new Step.Scheduled(0, Duration.ZERO, step);
    }

    static List<Event.Measured> measured(ReplicationFleet f, String name) {
        return f.stream(Event.Measured.class).filter(m -> m.name().equals(name)).toList();
    }

    private static List<Event.Restored> failoverRestores(ReplicationFleet f) {
        return f.stream(Event.Restored.class).filter(r -> r.trigger().equals("failover")).toList();
    }

    private static List<Event.Restored> stepRestores(ReplicationFleet f) {
        return f.stream(Event.Restored.class).filter(r -> r.trigger().equals("step")).toList();
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
