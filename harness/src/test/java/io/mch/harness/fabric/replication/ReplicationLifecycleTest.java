package io.mch.harness.fabric.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mch.harness.config.Backups;
import io.mch.harness.config.ReplicationSpec;
import io.mch.reports.history.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationLifecycleTest {

    private static final Duration AWHILE = Duration.ofSeconds(20);

    @Test
    void closingStopsEveryThreadAndRemovesTheHeartbeatsButKeepsBackupsAndCopies(@TempDir Path dir) throws Exception {
        Path location = dir.resolve("velero");
        var spec = new ReplicationSpec(
                Optional.of(Backups.every("us-east", "shop", Duration.ofMillis(200), Optional.of(location),
                        "eu-west", Optional.empty())),
                List.of(new ReplicationSpec.ObjectReplication(
                        "us-east", List.of("eu-west"), "shop", List.of("ConfigMap"), Duration.ofMillis(200))));
        try (var f = ReplicationFleet.start(dir)) {
            var east = f.fleet.cluster("us-east").client();
            var west = f.fleet.cluster("eu-west").client();
            AppObjects.create(east, "shop");
            Replication replication = Replication.start(spec, f.ctx);
            String backup;
            try {
                await().atMost(AWHILE).until(() -> !f.events(Event.BackupTaken.class).isEmpty()
                        && "v1".equals(AppObjects.version(west, "shop", "app-config")));
                assertThat(liveThreads()).isNotEmpty();
                backup = f.events(Event.BackupTaken.class).get(0).backup();
                assertThat(replication.backupDirectory(backup)).contains(location.resolve(backup));
            } finally {
                replication.close();
            }
            replication.close();

            await().atMost(AWHILE).untilAsserted(() -> assertThat(liveThreads()).isEmpty());
            assertThat(east.configMaps().inNamespace("shop").withName("mch-replication-heartbeat-us-east").get()).isNull();
            assertThat(west.configMaps().inNamespace("shop").withName("mch-replication-heartbeat-us-east").get()).isNull();
            assertThat(AppObjects.version(west, "shop", "app-config")).isEqualTo("v1");
            assertThat(location.resolve(backup).resolve("configmap--shop--app-config.yaml")).isRegularFile();
            try (var names = Files.list(location)) {
                assertThat(names.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("backup-"));
            }
        }
    }

    @Test
    void anUnknownKindIsRefusedAndNothingIsLeftRunning(@TempDir Path dir) throws Exception {
        var spec = new ReplicationSpec(Optional.empty(), List.of(new ReplicationSpec.ObjectReplication(
                "us-east", List.of("eu-west"), "shop", List.of("Deployment"), Duration.ofMillis(200))));
        try (var f = ReplicationFleet.start(dir)) {
            assertThatThrownBy(() -> Replication.start(spec, f.ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not Deployment");
            assertThat(liveThreads()).isEmpty();
        }
    }

    private static List<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("mch-replication-"))
                .toList();
    }
}
