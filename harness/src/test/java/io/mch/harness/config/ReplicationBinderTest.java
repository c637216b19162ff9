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

        assertThat(replication).isEqualTo(new ReplicationSpec(Optional.of(Backups.every("us-east", "default",
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
                Optional.of(Backups.every("eu-west", "cache", Duration.ofMinutes(90), Optional.of(Path.of("backups")), "us-east",
                        Optional.of(file("velero/long.yaml")))),
                List.of(new ObjectReplication("us-east", List.of("ap-south"), "default", List.of("ConfigMap", "Secret"),
                        Duration.ofSeconds(10)))));
    }

    @Test
    void readsAVeleroScheduleAndRestoreAsVeleroDefinesThem() throws Exception {
        write(dir, "velero/six-hourly.yaml", """
                apiVersion: velero.io/v1
                kind: Schedule
                metadata: { name: six-hourly, namespace: velero }
                spec:
                  schedule: "0 */6 * * *"
                  paused: true
                  skipImmediately: true
                  useOwnerReferencesInBackup: false
                  template:
                    metadata: { labels: { team: shop } }
                    includedNamespaces: [shop, cache]
                    excludedNamespaces: [default]
                    includedResources: [configmaps, deployments.apps, dnsendpoints.externaldns.k8s.io]
                    excludedResources: [secrets]
                    orLabelSelectors: [{ matchLabels: { app: shop } }, { matchExpressions: [{ key: tier, operator: Exists }] }]
                    ttl: 72h0m0s
                """);
        write(dir, "velero/restore.yaml", """
                apiVersion: velero.io/v1
                kind: Restore
                metadata: { name: dr, namespace: velero }
                spec:
                  scheduleName: six-hourly
                  includedNamespaces: [shop]
                  labelSelector: { matchLabels: { app: shop } }
                  existingResourcePolicy: update
                """);
        Path topology = topology("""
                    backup: { from: us-east, schedule: velero/six-hourly.yaml, restore: velero/restore.yaml, restore-to: eu-west }
                """);

        Backup backup = TopologyLoader.load(topology).fabric().replication().orElseThrow().backup().orElseThrow();

        assertThat(backup.cadence()).isEqualTo(new BackupCadence(Optional.of("0 */6 * * *"), Optional.empty(), true, true));
        assertThat(backup.ttl()).isEqualTo(Duration.ofHours(72));
        ResourceSelection selection = backup.selection();
        assertThat(selection.includedNamespaces()).containsExactly("shop", "cache");
        assertThat(selection.selectsNamespace("default")).isFalse();
        assertThat(selection.selectsResource("configmaps", "")).isTrue();
        assertThat(selection.selectsResource("secrets", "")).isFalse();
        assertThat(selection.selectsResource("dnsendpoints", "externaldns.k8s.io")).isTrue();
        assertThat(selection.selectsLabels(java.util.Map.of("tier", "db"))).isTrue();
        assertThat(selection.selectsLabels(java.util.Map.of("app", "web"))).isFalse();
        assertThat(backup.restore().updateExisting()).isTrue();
        assertThat(backup.restore().selection().includedNamespaces()).containsExactly("shop");
        assertThat(backup.restore().file()).contains(file("velero/restore.yaml"));
    }

    @Test
    void refusesRestoreFieldsItDoesNotModel() {
        write(dir, "velero/restore.yaml", """
                apiVersion: velero.io/v1
                kind: Restore
                metadata: { name: dr }
                spec:
                  backupName: nightly-1
                  scheduleName: other
                  namespaceMapping: { shop: shop-restored }
                  existingResourcePolicy: overwrite
                """);
        Path topology = topology("""
                    backup: { from: us-east, namespace: shop, restore: velero/restore.yaml, restore-to: eu-west }
                """);
        Path restore = file("velero/restore.yaml");

        assertThat(Validation.validate(topology)).containsExactly(
                new Problem(restore, 5, 15, "spec.backupName", "mch does not model this field of a Restore's spec;"
                        + " it models includedNamespaces, excludedNamespaces, includedResources, excludedResources,"
                        + " labelSelector, orLabelSelectors, scheduleName, existingResourcePolicy"),
                new Problem(restore, 6, 17, "spec.scheduleName",
                        "the backup is given by mch's own keys, not a Schedule; remove scheduleName"),
                new Problem(restore, 7, 21, "spec.namespaceMapping", "mch does not model this field of a Restore's"
                        + " spec; it models includedNamespaces, excludedNamespaces, includedResources, excludedResources,"
                        + " labelSelector, orLabelSelectors, scheduleName, existingResourcePolicy"),
                new Problem(restore, 8, 27, "spec.existingResourcePolicy",
                        "Velero's existingResourcePolicy is none or update, found 'overwrite'"));
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

        assertThat(backup.cadence()).isEqualTo(BackupCadence.every(Duration.ofSeconds(20)));
        assertThat(backup.selection()).isEqualTo(ResourceSelection.onlyNamespace("cache"));
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
                  template:
                    includedNamespaces: [default, "prod-*"]
                    includedResources: [po, configmaps, deployments.apps, dnsendpoints.externaldns.k8s.io]
                    excludedResources: [pods]
                    labelSelector: { matchLabels: { app: shop } }
                    orLabelSelectors: [{ matchExpressions: [{ key: tier, operator: In }] }]
                    snapshotVolumes: true
                  useOwnerReferencesInBackup: true
                  suspend: true
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
                new Problem(cron, 7, 26, "spec.template.includedNamespaces[0]", "namespace 'payments' does not exist"
                        + " in the workload manifests (namespaces: cache, default, shop)"));
        Path twoFile = file("velero/two.yaml");
        assertThat(Validation.validate(two)).containsExactly(
                new Problem(twoFile, 1, 1, "metadata", "required"),
                new Problem(twoFile, 4, 13, "spec.schedule",
                        "malformed duration '5x'; expected Go's notation, e.g. 1m, 1h30m or 720h0m0s"),
                new Problem(twoFile, 6, 35, "spec.template.includedNamespaces[1]",
                        "namespace patterns are not modelled; name namespaces exactly or give '*' alone"),
                new Problem(twoFile, 7, 25, "spec.template.includedResources[0]", "unknown resource 'po'; give a plural"
                        + " (serviceaccounts, roles, rolebindings, configmaps, secrets, persistentvolumeclaims, services,"
                        + " deployments, statefulsets, daemonsets, cronjobs, ingresses), a plural with its group, or a"
                        + " custom resource as plural.group (e.g. dnsendpoints.externaldns.k8s.io)"),
                new Problem(twoFile, 8, 25, "spec.template.excludedResources[0]",
                        "'pods' is not in mch's backups: the restored controllers recreate them"),
                new Problem(twoFile, 10, 23, "spec.template.orLabelSelectors", "give labelSelector or"
                        + " orLabelSelectors, not both (Velero refuses a backup with both)"),
                new Problem(twoFile, 10, 45, "spec.template.orLabelSelectors[0].matchExpressions[0]", "In needs values"),
                new Problem(twoFile, 11, 22, "spec.template.snapshotVolumes", "mch does not model this field of a"
                        + " Schedule's backup template; it models includedNamespaces, excludedNamespaces,"
                        + " includedResources, excludedResources, labelSelector, orLabelSelectors, ttl"),
                new Problem(twoFile, 13, 12, "spec.suspend", "mch does not model this field of a Schedule's spec;"
                        + " it models schedule, template, paused, skipImmediately"));
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
