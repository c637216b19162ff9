package io.mch.harness.config;

import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.config.ReplicationSpec.Backup;
import io.mch.harness.config.ReplicationSpec.ObjectReplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationBinderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheSampleFabric() {
        TestFiles.copyResources("fabric", dir);
    }

    /** A topology with the sample workload whose {@code fabric.replication} body starts on line 10. */
    private Path topology(String replication) {
        return write(dir, "t.yaml", """
                name: t
                clusters:
                  - { name: us-east, region: r1, role: active }
                  - { name: eu-west, region: r2, role: passive }
                  - { name: ap-south, region: r3, role: passive }
                workload:
                  manifests: [workloads/shop.yaml]
                  service: shop
                fabric:
                  replication:
                """ + replication);
    }

    private Path file(String relative) {
        return dir.resolve(relative).toAbsolutePath().normalize();
    }

    @Test
    void reportsABackupOfANamespaceTheWorkloadDoesNotHave() {
        Path topology = topology("""
                    backup: { from: us-east, namespace: shpo, restore-to: eu-west }
                """);

        assertThat(Validation.validate(topology)).containsExactly(new Problem(topology, 11, 41,
                "fabric.replication.backup.namespace", "namespace 'shpo' does not exist in the workload manifests"
                        + " (namespaces: cache, default, shop); did you mean 'shop'?"));
    }

    @Test
    void defaultsABackupToVeleroTiming() throws Exception {
        Path topology = topology("""
                    backup: { from: us-east, namespace: default, restore-to: ap-south }
                """);

        ReplicationSpec replication = TopologyLoader.load(topology).fabric().replication().orElseThrow();

        assertThat(replication).isEqualTo(new ReplicationSpec(Optional.of(new Backup("us-east", "default",
                ReplicationSpec.VELERO_SYNC, Optional.empty(), "ap-south", Optional.empty())), List.of()));
    }

    @Test
    void readsTheVeleroSchedulesPeriodInGoDurationSyntax() throws Exception {
        write(dir, "velero/long.yaml", """
                apiVersion: velero.io/v1
                kind: Schedule
                metadata: { name: long }
                spec:
                  schedule: "@every 1h30m"
                  template: { includedNamespaces: [cache] }
                """);
        Path topology = topology("""
                    backup: { from: eu-west, schedule: velero/long.yaml, restore-to: us-east, location: backups }
                    objects: [{ from: us-east, to: [ap-south] }]
                """);

        ReplicationSpec replication = TopologyLoader.load(topology).fabric().replication().orElseThrow();

        assertThat(replication).isEqualTo(new ReplicationSpec(
                Optional.of(new Backup("eu-west", "cache", Duration.ofMinutes(90), Optional.of(Path.of("backups")), "us-east",
                        Optional.of(file("velero/long.yaml")))),
                List.of(new ObjectReplication("us-east", List.of("ap-south"), "default", List.of("ConfigMap", "Secret"),
                        Duration.ofSeconds(10)))));
    }

    @Test
    void anEveryBesideTheScheduleShortensItsPeriod() throws Exception {
        write(dir, "velero/hourly.yaml", """
                apiVersion: velero.io/v1
                kind: Schedule
                metadata: { name: hourly }
                spec:
                  schedule: "@hourly"
                  template: { includedNamespaces: [cache] }
                """);
        Path topology = topology("""
                    backup: { from: eu-west, schedule: velero/hourly.yaml, restore-to: us-east, every: 20s }
                """);

        Backup backup = TopologyLoader.load(topology).fabric().replication().orElseThrow().backup().orElseThrow();

        assertThat(backup.every()).isEqualTo(Duration.ofSeconds(20));
        assertThat(backup.namespace()).isEqualTo("cache");
    }

    @Test
    void reportsScheduleProblemsInTheScheduleFile() {
        write(dir, "velero/cron.yaml", """
                apiVersion: velero.io/v1
                kind: Schedule
                metadata: { name: nightly }
                spec:
                  schedule: "0 1 * * *"
                  template:
                    includedNamespaces: [payments]
                """);
        write(dir, "velero/two.yaml", """
                apiVersion: velero.io/v1
                kind: Schedule
                spec:
                  schedule: "@every 5x"
                  template: { includedNamespaces: [shop, cache] }
                """);
        write(dir, "velero/backup.yaml", "apiVersion: velero.io/v1\nkind: Backup\n");
        Path topology = write(dir, "t.yaml", """
                name: t
                clusters:
                  - { name: us-east, region: r1, role: active }
                  - { name: eu-west, region: r2, role: passive }
                workload: { manifests: [workloads/shop.yaml], service: shop }
                fabric:
                  replication:
                    backup: { from: us-east, schedule: velero/cron.yaml, restore-to: us-east, namespace: shop }
                """);
        Path two = write(dir, "u.yaml", """
                name: u
                clusters:
                  - { name: us-east, region: r1, role: active }
                  - { name: eu-west, region: r2, role: passive }
                fabric:
                  replication:
                    backup: { from: us-east, schedule: velero/two.yaml, restore-to: eu-west }
                    objects: []
                """);
        Path wrongKind = write(dir, "v.yaml", """
                name: v
                clusters:
                  - { name: us-east, region: r1, role: active }
                  - { name: eu-west, region: r2, role: passive }
                fabric:
                  replication: { backup: { from: us-east, schedule: velero/backup.yaml, restore-to: eu-west } }
                """);

        Path cron = file("velero/cron.yaml");
        assertThat(Validation.validate(topology)).containsExactly(
                new Problem(topology, 8, 70, "fabric.replication.backup.restore-to", "must differ from 'from' (us-east)"),
                new Problem(topology, 8, 90, "fabric.replication.backup.namespace",
                        "given by the schedule; remove either this or 'schedule'"),
                new Problem(cron, 5, 13, "spec.schedule", "'0 1 * * *' has no fixed period; use @every <duration>"
                        + " (e.g. @every 1m), @hourly, @daily or @weekly"),
                new Problem(cron, 7, 26, "spec.template.includedNamespaces[0]", "namespace 'payments' does not exist"
                        + " in the workload manifests (namespaces: cache, default, shop)"));
        Path twoFile = file("velero/two.yaml");
        assertThat(Validation.validate(two)).containsExactly(
                new Problem(twoFile, 4, 13, "spec.schedule",
                        "malformed '@every' period in '@every 5x'; expected e.g. @every 1m or @every 1h30m"),
                new Problem(twoFile, 5, 35, "spec.template.includedNamespaces", "expected exactly one namespace, found 2"));
        assertThat(Validation.validate(wrongKind)).containsExactly(new Problem(file("velero/backup.yaml"), 2, 7, "kind",
                "expected a Velero Schedule, found kind 'Backup'"));
    }

    @Test
    void reportsObjectReplicationProblems() {
        Path topology = topology("""
                    backup: { from: us-east, namespace: shop, restore-to: eu-west, every: 0s, location: ../b }
                    objects:
                      - { from: us-east, to: [eu-west, us-east, eu-west], kinds: [ConfigMaps] }
                      - { from: us-eats, to: [], interval: 0s }
                      - { to: [ap-south], namespace: Shop }
                """);

        assertThat(Validation.validate(topology)).containsExactly(
                new Problem(topology, 11, 75, "fabric.replication.backup.every", "must be above zero"),
                new Problem(topology, 11, 89, "fabric.replication.backup.location",
                        "must be a folder inside the run directory, relative to it; a location elsewhere is given on"
                                + " the command line (mch run --backup-location DIR)"),
                new Problem(topology, 13, 40, "fabric.replication.objects[0].to[1]",
                        "'us-east' is the source ('from'); replicate to other clusters"),
                new Problem(topology, 13, 49, "fabric.replication.objects[0].to[2]", "'eu-west' is listed twice"),
                new Problem(topology, 13, 67, "fabric.replication.objects[0].kinds[0]",
                        "'ConfigMaps' is not one of ConfigMap, Secret; did you mean 'ConfigMap'?"),
                new Problem(topology, 14, 17, "fabric.replication.objects[1].from",
                        "unknown cluster 'us-eats'; clusters are us-east, eu-west, ap-south; did you mean 'us-east'?"),
                new Problem(topology, 14, 30, "fabric.replication.objects[1].to", "must name at least one cluster"),
                new Problem(topology, 14, 44, "fabric.replication.objects[1].interval", "must be above zero"),
                new Problem(topology, 15, 9, "fabric.replication.objects[2].from", "required"),
                new Problem(topology, 15, 38, "fabric.replication.objects[2].namespace",
                        "'Shop' is not a valid name; use lower-case letters, digits and '-'"));
    }

    @Test
    void reportsAnEmptySection() {
        Path topology = topology("    objects: []\n");

        assertThat(Validation.validate(topology)).containsExactly(new Problem(topology, 11, 5, "fabric.replication",
                "nothing to replicate; give backup, objects or both"));
    }
}
