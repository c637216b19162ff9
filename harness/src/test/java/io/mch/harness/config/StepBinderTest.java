package io.mch.harness.config;

import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.config.Step.CommitOp;
import io.mch.harness.config.Step.Scheduled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepBinderTest {

    @TempDir
    Path dir;

    private Fixtures fixtures;

    @BeforeEach
    void copyTheSampleFabric() {
        TestFiles.copyResources("fabric", dir);
        fixtures = TestFiles.twoClusterFixtures(dir);
    }

    private Path scenario(String topology, String steps) {
        return write(dir, "s.yaml", "name: s\ntopology: " + topology + "\nduration: 2m\nsteps:\n" + steps);
    }

    private static Scheduled at(int index, int seconds, Step step) {
        return new Scheduled(index, Duration.ofSeconds(seconds), step);
    }

    @Test
    void bindsEveryStepKind() throws Exception {
        Scenario scenario = ScenarioLoader.load(dir.resolve("steps.yaml"), fixtures);

        Step.Commit removeFlags = new Step.Commit("web", CommitOp.DELETE, "feature-flags.yaml", Optional.empty());
        assertThat(scenario.steps()).containsExactly(
                at(0, 10, new Step.Commit("web", CommitOp.ADD, "feature-flags.yaml", Optional.of(Map.of("apiVersion", "v1",
                        "kind", "ConfigMap", "metadata", Map.of("name", "flags"), "data", Map.of("beta", "true"))))),
                at(1, 20, new Step.Commit("web", CommitOp.CHANGE, "config.yaml", Optional.of(Map.of("apiVersion", "v1",
                        "kind", "ConfigMap", "metadata", Map.of("name", "web-config"), "data", Map.of("color", "blue"))))),
                at(2, 30, new Step.Drift("us-east", "ConfigMap", "default", "web-config",
                        Optional.of(Map.of("data", Map.of("color", "red"))), false)),
                at(3, 35, new Step.Drift("eu-west", "Deployment", "shop", "web", Optional.empty(), true)),
                at(4, 40, new Step.Federate("dev")),
                at(5, 45, new Step.Connect("eu-west")),
                at(6, 50, new Step.Replicate("us-east", "eu-west")),
                at(7, 55, new Step.Replicate("us-east", "dev")),
                at(8, 60, new Step.Failover("eu-west")),
                at(9, 70, new Step.Sync(removeFlags)),
                at(10, 80, new Step.Commit("monitoring", CommitOp.CHANGE, "agent.yaml", Optional.of(Map.of(
                        "apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "agent"),
                        "data", Map.of("scrape-interval", "5s"))))));
        assertThat(scenario.topology().fabric().sync()).isPresent();
    }

    @Test
    void reportsAnUnknownApplicationWithAHint() {
        Path file = scenario("hub-spoke.yaml", """
                  - at: 20s
                    commit: { application: wbe, change: config.yaml, manifest: { apiVersion: v1, kind: ConfigMap, metadata: { name: c } } }
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(new Problem(file, 6, 28,
                "steps[0].commit.application",
                "unknown application 'wbe'; applications are web, guestbook, monitoring; did you mean 'web'?"));
    }

    @Test
    void refusesACommitOfADnsEndpointAtItsKind() {
        Path file = scenario("hub-spoke.yaml", """
                  - at: 20s
                    commit: { application: web, add: dns.yaml, manifest: { apiVersion: externaldns.k8s.io/v1alpha1, kind: DNSEndpoint, metadata: { name: d } } }
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(new Problem(file, 6, 107,
                "steps[0].commit.manifest.kind", DeliveredBalancerResources.message("DNSEndpoint")));
    }

    @Test
    void checksCommitsAgainstTheRepositoryInTimeOrder() {
        Path file = scenario("hub-spoke.yaml", """
                  - { at: 30s, commit: { application: web, change: flags.yaml, manifest: { apiVersion: v1, kind: ConfigMap, metadata: { name: f } } } }
                  - { at: 10s, commit: { application: web, add: flags.yaml, manifest: { apiVersion: v1, kind: ConfigMap, metadata: { name: f } } } }
                  - { at: 40s, sync: { application: web, delete: config.yaml } }
                  - { at: 50s, commit: { application: web, change: config.yaml, manifest: { apiVersion: v1, kind: ConfigMap, metadata: { name: c } } } }
                  - { at: 50s, commit: { application: web, add: deployment.yaml, manifest: { apiVersion: v1, kind: ConfigMap, metadata: { name: c } } } }
                  - { at: 60s, commit: { application: web, delete: ../apps.yaml } }
                  - { at: 60s, commit: { application: guestbook, delete: guestbook.yaml } }
                """);
        Path web = dir.resolve("gitops/repo/apps/web").toAbsolutePath().normalize();

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 8, 52, "steps[3].commit.change", "'config.yaml' does not exist in application 'web' ("
                        + web + ") at 50s; files are deployment.yaml, flags.yaml"),
                new Problem(file, 9, 49, "steps[4].commit.add", "'deployment.yaml' already exists in application 'web' ("
                        + web + ") at 50s; use change"),
                new Problem(file, 10, 52, "steps[5].commit.delete",
                        "'../apps.yaml' is not a file inside the directory of application 'web' (" + web + ")"));
    }

    @Test
    void reportsAMissingFileWithAHint() {
        Path file = scenario("hub-spoke.yaml", "  - { at: 5s, sync: { application: web, delete: confg.yaml } }\n");

        assertThat(Validation.validate(file, fixtures)).containsExactly(new Problem(file, 5, 49, "steps[0].sync.delete",
                "'confg.yaml' does not exist in application 'web' (" + dir.resolve("gitops/repo/apps/web").toAbsolutePath()
                        .normalize() + ") at 5s; files are config.yaml, deployment.yaml; did you mean 'config.yaml'?"));
    }

    @Test
    void reportsBadCommitAndDriftShapes() {
        Path file = scenario("hub-spoke.yaml", """
                  - at: 2m
                    commit: { application: web, add: a.yaml, change: config.yaml }
                  - { at: 1s, commit: { application: web, add: b.yaml, manifest: { kind: ConfigMap, metadata: {} } } }
                  - { at: 1s, commit: { application: web, delete: config.yaml, manifest: { kind: ConfigMap } } }
                  - { at: 1s, drift: { cluster: us-east, object: ConfigMap, patch: { data: {} }, delete: true } }
                  - { at: 1s, drift: { cluster: us-east, object: a/b/c/d, delete: false } }
                  - { at: 1s, federate: { cluster: hub } }
                  - { at: 1s }
                  - { at: 1s, connect: { cluster: dev }, failover: { to: dev } }
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 5, 9, "steps[0].at", "120s is not before the end of the scenario (duration 120s)"),
                new Problem(file, 6, 13, "steps[0].commit", "more than one change (add, change); give each its own step"),
                new Problem(file, 7, 66, "steps[1].commit.manifest.apiVersion", "required"),
                new Problem(file, 7, 95, "steps[1].commit.manifest.metadata.name", "required"),
                new Problem(file, 8, 74, "steps[2].commit.manifest", "a delete takes no manifest"),
                new Problem(file, 9, 22, "steps[3].drift", "give either patch or delete: true, not both"),
                new Problem(file, 9, 50, "steps[3].drift.object",
                        "expected Kind/name or Kind/namespace/name, found 'ConfigMap'"),
                new Problem(file, 10, 50, "steps[4].drift.object",
                        "expected Kind/name or Kind/namespace/name, found 'a/b/c/d'"),
                new Problem(file, 10, 67, "steps[4].drift.delete", "must be true; to change the object, give patch"),
                new Problem(file, 11, 36, "steps[5].federate.cluster",
                        "'hub' is the hub of fabric.sync; federate joins another cluster to it"),
                new Problem(file, 12, 5, "steps[6]",
                        "no step type; give exactly one of commit, drift, federate, connect, replicate, failover, sync"),
                new Problem(file, 13, 5, "steps[7]",
                        "more than one step type (connect, failover); give each its own list item"));
    }

    @Test
    void reportsUnknownClustersAndUnmatchedReplications() {
        Path file = scenario("hub-spoke.yaml", """
                  - { at: 1s, drift: { cluster: us-est, object: ConfigMap/x, delete: true } }
                  - { at: 1s, connect: { cluster: ap-south } }
                  - { at: 1s, replicate: { from: eu-west, to: dev } }
                  - { at: 1s, failover: { to: clients } }
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 5, 33, "steps[0].drift.cluster",
                        "unknown cluster 'us-est'; clusters are hub, us-east, eu-west, dev; did you mean 'us-east'?"),
                new Problem(file, 6, 35, "steps[1].connect.cluster",
                        "unknown cluster 'ap-south'; clusters are hub, us-east, eu-west, dev"),
                new Problem(file, 7, 26, "steps[2].replicate", "no replication from 'eu-west' to 'dev'; fabric.replication"
                        + " has us-east -> eu-west (backup), us-east -> eu-west (objects), us-east -> dev (objects),"
                        + " eu-west -> us-east (objects)"),
                new Problem(file, 8, 31, "steps[3].failover.to",
                        "unknown cluster 'clients'; clusters are hub, us-east, eu-west, dev"));
    }

    @Test
    void reportsStepsWhoseFabricSectionIsMissing() {
        Path file = scenario("two", """
                  - { at: 1s, commit: { application: web, delete: x.yaml } }
                  - { at: 1s, drift: { cluster: us-east, object: ConfigMap/x, delete: true } }
                  - { at: 1s, federate: { cluster: eu-west } }
                  - { at: 1s, connect: { cluster: eu-west } }
                  - { at: 1s, replicate: { from: us-east, to: eu-west } }
                  - { at: 1s, failover: { to: eu-west } }
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 5, 23, "steps[0].commit", "'commit' needs fabric.sync, but topology 'two' has none"),
                new Problem(file, 6, 22, "steps[1].drift", "'drift' needs fabric.sync, but topology 'two' has none"),
                new Problem(file, 7, 25, "steps[2].federate", "'federate' needs fabric.sync, but topology 'two' has none"),
                new Problem(file, 8, 24, "steps[3].connect", "'connect' needs fabric.mesh, but topology 'two' has none"),
                new Problem(file, 9, 26, "steps[4].replicate",
                        "'replicate' needs fabric.replication, but topology 'two' has none"),
                new Problem(file, 10, 25, "steps[5].failover",
                        "'failover' needs fabric.global-load-balancer, but topology 'two' has none"));
    }

    @Test
    void checksStepsAgainstTheTopologyWithOverrides() {
        Path file = write(dir, "s.yaml", """
                name: s
                topology: hub-spoke.yaml
                overrides:
                  fabric:
                    mesh: { affinity: nearest }
                duration: 1m
                steps:
                  - { at: 1s, connect: { cluster: eu-wst } }
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 5, 23, "overrides.fabric.mesh.affinity",
                        "'nearest' is not one of local, remote, none"),
                new Problem(file, 8, 35, "steps[0].connect.cluster",
                        "unknown cluster 'eu-wst'; clusters are hub, us-east, eu-west, dev; did you mean 'eu-west'?"));
    }
}
