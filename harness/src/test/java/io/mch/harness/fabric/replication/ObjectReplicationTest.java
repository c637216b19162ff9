package io.mch.harness.fabric.replication;

import static io.mch.harness.fabric.replication.DisasterRecoveryTest.measured;
import static io.mch.harness.fabric.replication.DisasterRecoveryTest.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.faults.Heal;
import io.mch.faults.nemesis.PartitionNemesis;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.harness.config.ReplicationSpec;
import io.mch.harness.config.Step;
import io.mch.reports.history.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectReplicationTest {

    private static final Duration AWHILE = Duration.ofSeconds(20);
    private static final String NS = "config";
    private static final Duration INTERVAL = Duration.ofMillis(200);

    @Test
    void copiesConfigMapsAndSecretsStopsDuringAPartitionAndCatchesUpShowingTheLag(@TempDir Path dir)
            throws Exception {
        try (var f = ReplicationFleet.start(dir)) {
            KubernetesClient east = f.fleet.cluster("us-east").client();
            KubernetesClient west = f.fleet.cluster("eu-west").client();
            AppObjects.configMap(east, NS, "settings", "v1");
            east.secrets().inNamespace(NS).resource(new SecretBuilder()
                    .withNewMetadata().withName("token").endMetadata()
                    .addToData("token", "dG9rZW4=")
                    .build()).create();
            try (var replication = Replication.start(replicating(INTERVAL), f.ctx)) {
                await().atMost(AWHILE).until(() -> "v1".equals(AppObjects.version(west, NS, "settings"))
                        && west.secrets().inNamespace(NS).withName("token").get() != null);
                assertThat(AppObjects.labels(west, NS, "settings"))
                        .containsEntry("app.kubernetes.io/managed-by", "mch")
                        .containsEntry("mch.io/replicated-from", "us-east");
                Secret token = west.secrets().inNamespace(NS).withName("token").get();
                assertThat(token.getData()).containsEntry("token", "dG9rZW4=");
                assertThat(replication.desired()).containsOnlyKeys("eu-west");
                assertThat(replication.desired().get("eu-west")).extracting(ObjectReplicationTest::kindAndName)
                        .containsExactlyInAnyOrder("ConfigMap/settings", "Secret/token");
                await().atMost(AWHILE).until(() -> lags(f).size() >= 3);
                double before = lags(f).stream().mapToDouble(Event.Measured::valueMs).max().orElseThrow();

                long cutMs = f.clock.ms();
                Heal partition = new PartitionNemesis(f.network).inject(new FaultSpec.Partition(
                        List.of("us-east"), List.of("eu-west"), PartitionDirection.BOTH));
                AppObjects.configMap(east, NS, "settings", "v2");
                await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                        .until(() -> "v1".equals(AppObjects.version(west, NS, "settings")));
                long healMs = f.clock.ms();
                partition.heal();

                await().atMost(AWHILE).until(() -> "v2".equals(AppObjects.version(west, NS, "settings")));
                await().atMost(AWHILE).until(() -> lags(f).stream().anyMatch(m -> m.tMs() >= healMs));
                Event.Measured after = lags(f).stream().filter(m -> m.tMs() >= healMs).findFirst().orElseThrow();
                long partitionMs = healMs - cutMs;
                long heartbeatMs = ReplicationFleet.SCALE.scenario(INTERVAL.dividedBy(2)).toMillis();
                assertThat(after.subject()).isEqualTo("us-east->eu-west");
                assertThat(after.valueMs()).isGreaterThanOrEqualTo(partitionMs - heartbeatMs);
                assertThat(before).isLessThan(partitionMs / 2.0);
                assertThat(after.resolutionMs()).isPositive();
                assertThat(f.stream(Event.FabricNote.class)).anyMatch(n -> n.message().contains("caught up"));

                east.configMaps().inNamespace(NS).withName("settings").delete();
                await().atMost(AWHILE).until(() -> AppObjects.version(west, NS, "settings") == null);
                assertThat(replication.desired().get("eu-west")).extracting(ObjectReplicationTest::kindAndName)
                        .containsExactly("Secret/token");
            }
        }
    }

    @Test
    void aReplicateStepRunsAPassNowAndMeasuresIt(@TempDir Path dir) throws Exception {
        try (var f = ReplicationFleet.start(dir)) {
            KubernetesClient west = f.fleet.cluster("eu-west").client();
            try (var replication = Replication.start(replicating(Duration.ofHours(1)), f.ctx)) {
                await().atMost(AWHILE).until(() -> !lags(f).isEmpty());
                AppObjects.configMap(f.fleet.cluster("us-east").client(), NS, "fresh", "v1");

                assertThat(replication.perform(scheduled(new Step.Replicate("us-east", "eu-west")))).isTrue();
                await().atMost(AWHILE).until(() -> measured(f, "replicate").size() == 1);

                assertThat(measured(f, "replicate").get(0).subject()).isEqualTo("us-east->eu-west");
                assertThat(AppObjects.version(west, NS, "fresh")).isEqualTo("v1");
                assertThat(replication.perform(scheduled(new Step.Replicate("eu-west", "us-east")))).isFalse();
                assertThat(replication.perform(scheduled(new Step.Failover("eu-west")))).isFalse();
            }
        }
    }

    private static ReplicationSpec replicating(Duration interval) {
        return new ReplicationSpec(Optional.empty(), List.of(new ReplicationSpec.ObjectReplication(
                "us-east", List.of("eu-west"), NS, List.of("ConfigMap", "Secret"), interval)));
    }

    private static List<Event.Measured> lags(ReplicationFleet f) {
        return measured(f, "replication-lag");
    }

    private static String kindAndName(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }
}
