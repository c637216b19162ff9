package io.mch.harness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups go inside the run directory; only the command line sends them elsewhere. */
class BackupLocationTest {

    @TempDir
    Path dir;

    @Test
    void aScenarioKeepsItsBackupsInTheRunDirectoryAndTheCommandLineMovesThem() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), """
                name: t
                clusters:
                  - { name: east, region: r1, role: active }
                  - { name: west, region: r2, role: passive }
                fabric:
                  replication:
                    backup: { from: east, namespace: default, restore-to: west, location: saved/backups }
                workload: { manifests: ["%s"], service: api-server }
                """.formatted(Path.of("../topology-fixtures/workloads/api-server.yaml").toAbsolutePath().normalize()));
        Path file = Files.writeString(dir.resolve("s.yaml"), "name: s\ntopology: t.yaml\nduration: 1m\n");
        Scenario scenario = ScenarioLoader.load(file);

        Path inRun = scenario.topology().fabric().replication().orElseThrow().backup().orElseThrow().location().orElseThrow();
        Path moved = scenario.withBackupLocation(dir.resolve("elsewhere")).topology().fabric().replication().orElseThrow()
                .backup().orElseThrow().location().orElseThrow();

        assertThat(inRun).isEqualTo(Path.of("saved/backups"));
        assertThat(moved).isEqualTo(dir.resolve("elsewhere").toAbsolutePath().normalize());
    }
}
