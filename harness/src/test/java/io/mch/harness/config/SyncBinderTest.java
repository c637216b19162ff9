package io.mch.harness.config;

import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mch.harness.config.SyncSpec.Application;
import io.mch.harness.config.LabelSelector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncBinderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheSampleFabric() {
        TestFiles.copyResources("fabric", dir);
    }

    /** A topology whose {@code fabric.sync} body starts on line 8. */
    private Path topology(String sync) {
        return write(dir, "t.yaml", """
                name: t
                clusters:
                  - { name: hub, region: r1, role: hub }
                  - { name: us-east, region: r1, role: spoke, labels: { env: production } }
                  - { name: eu-west, region: r2, role: spoke, labels: { tier: edge, env: staging } }
                fabric:
                  sync:
                """ + sync);
    }

    private Path file(String relative) {
        return dir.resolve(relative).toAbsolutePath().normalize();
    }

    @Test
    void reportsASelectorThatMatchesNoClusterInTheApplicationSetFile() {
        write(dir, "gitops/prod.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: { name: web }
                spec:
                  generators:
                  - clusters:
                      selector:
                        matchLabels: { env: prod }
                  template:
                    spec:
                      source: { path: apps/web }
                      destination: { server: '{{server}}' }
                """);
        Path topology = topology("""
                    hub: hub
                    repository: gitops/repo
                    applications: [gitops/prod.yaml]
                """);

        assertThat(Validation.validate(topology)).containsExactly(new Problem(file("gitops/prod.yaml"), 8, 9,
                "spec.generators[0].clusters.selector", "selector {env: prod} matches no cluster other than the hub"
                        + " 'hub'; clusters are us-east {env: production}, eu-west {env: staging, tier: edge}"));
    }

    @Test
    void reportsProblemsInTheTopologyAndInTheApplicationFilesAtOnce() {
        write(dir, "gitops/broken.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: { name: monitoring }
                spec:
                  generators:
                  - clusters:
                      selector:
                        matchExpressions: [{ key: env, operator: In, values: [production] }]
                  template:
                    spec:
                      source: { path: apps/missing }
                      syncPolicy: { automated: { prune: yes-please } }
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: { name: single }
                """);
        Path topology = topology("""
                    hub: hbu
                    repository: gitops/repo
                    applications: [gitops/apps.yaml, gitops/fleet.yaml, gitops/broken.yaml, gitops/none.yaml]
                    reconcile-interval: 0s
                    policies:
                      - { name: web, manifests: [policies/quota.yaml, policies/missing.yaml] }
                      - { name: edge, manifests: [], selector: { tier: core } }
                    jiter: 5s
                """);

        Path broken = file("gitops/broken.yaml");
        assertThat(Validation.validate(topology)).containsExactly(
                new Problem(topology, 8, 10, "fabric.sync.hub",
                        "unknown cluster 'hbu'; clusters are hub, us-east, eu-west; did you mean 'hub'?"),
                new Problem(topology, 10, 77, "fabric.sync.applications[3]", "file not found: " + file("gitops/none.yaml")),
                new Problem(topology, 11, 25, "fabric.sync.reconcile-interval", "must be above zero"),
                new Problem(topology, 13, 17, "fabric.sync.policies[0].name",
                        "duplicate application name 'web' (also " + file("gitops/apps.yaml") + ":5)"),
                new Problem(topology, 13, 55, "fabric.sync.policies[0].manifests[1]",
                        "file not found: " + file("policies/missing.yaml")),
                new Problem(topology, 14, 34, "fabric.sync.policies[1].manifests", "must name at least one manifest file"),
                new Problem(topology, 15, 5, "fabric.sync.jiter", "unknown field 'jiter'; allowed fields are hub,"
                        + " repository, applications, reconcile-interval, jitter, policies, cluster-groups; did you mean"
                        + " 'jitter'?"),
                new Problem(broken, 11, 7, "spec.template.spec.destination", "required"),
                new Problem(broken, 11, 23, "spec.template.spec.source.path",
                        "'apps/missing' does not exist in the repository " + file("gitops/repo")),
                new Problem(broken, 12, 41, "spec.template.spec.syncPolicy.automated.prune",
                        "expected true or false, found 'yes-please'"),
                new Problem(broken, 15, 7, "kind",
                        "expected an Argo CD ApplicationSet or a Fleet GitRepo, found kind 'Application'"));
    }

    @Test
    void checksSelectorsOnlyWhenTheHubIsKnownAndPathsStayInTheRepository() {
        write(dir, "gitops/fleet-bad.yaml", """
                apiVersion: fleet.cattle.io/v1alpha1
                kind: GitRepo
                metadata: { name: edge }
                spec:
                  paths: [../../policies, apps/web]
                  targets:
                  - clusterName: eu-west
                  - clusterSelector: { matchLabels: { tier: core } }
                """);
        Path topology = topology("""
                    hub: hub
                    repository: gitops/missing
                    applications: [gitops/fleet-bad.yaml]
                    policies:
                      - { name: edge-policy, manifests: [policies/quota.yaml], selector: { tier: core } }
                """);

        assertThat(Validation.validate(topology)).containsExactly(
                new Problem(topology, 9, 17, "fabric.sync.repository", "directory not found: " + file("gitops/missing")),
                new Problem(topology, 12, 74, "fabric.sync.policies[0].selector", "selector {tier: core} matches no"
                        + " cluster other than the hub 'hub'; clusters are us-east {env: production},"
                        + " eu-west {env: staging, tier: edge}"));
    }

    @Test
    void defaultsToFleetTimingWhenEveryApplicationIsAGitRepo() throws Exception {
        Path topology = topology("""
                    hub: hub
                    repository: gitops/repo
                    applications: [gitops/fleet.yaml]
                """);

        SyncSpec sync = TopologyLoader.load(topology).fabric().sync().orElseThrow();

        assertThat(sync.reconcileInterval()).isEqualTo(SyncSpec.FLEET_POLL);
        assertThat(sync.jitter()).isEqualTo(Duration.ZERO);
        assertThat(sync.applications()).extracting(Application::name, a -> a.targets().selectors(), Application::prune)
                .containsExactly(tuple("monitoring", List.of(LabelSelector.labels(Map.of("env", "production")),
                        LabelSelector.labels(Map.of("env", "staging"))), true));
    }

    @Test
    void defaultsToArgoTimingForPoliciesAloneAndKeepsGivenTimings() throws Exception {
        Path policiesOnly = topology("""
                    hub: hub
                    repository: gitops/repo
                    policies: [{ name: baseline, manifests: [policies/quota.yaml] }]
                """);
        SyncSpec policies = TopologyLoader.load(policiesOnly).fabric().sync().orElseThrow();
        Path timed = topology("""
                    hub: hub
                    repository: gitops/repo
                    applications: [gitops/fleet.yaml]
                    reconcile-interval: 3m
                    jitter: 10s
                """);
        SyncSpec given = TopologyLoader.load(timed).fabric().sync().orElseThrow();

        assertThat(policies.applications()).isEmpty();
        assertThat(policies.reconcileInterval()).isEqualTo(SyncSpec.ARGO_RECONCILE);
        assertThat(policies.jitter()).isEqualTo(SyncSpec.ARGO_JITTER);
        assertThat(policies.policies()).containsExactly(
                new SyncSpec.Policy("baseline", List.of(file("policies/quota.yaml")), Map.of()));
        assertThat(given.reconcileInterval()).isEqualTo(Duration.ofMinutes(3));
        assertThat(given.jitter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsTheUnionOfFleetTargetsWhenOneSelectsEverySpoke() throws Exception {
        write(dir, "gitops/everywhere.yaml", """
                apiVersion: fleet.cattle.io/v1alpha1
                kind: GitRepo
                metadata: { name: everywhere }
                spec:
                  targets:
                  - clusterSelector: { matchLabels: { env: production } }
                  - clusterSelector: {}
                """);
        Path topology = topology("""
                    hub: hub
                    repository: gitops/repo
                    applications: [gitops/everywhere.yaml]
                """);

        Application everywhere = TopologyLoader.load(topology).fabric().sync().orElseThrow().applications().get(0);

        assertThat(everywhere.targets().selectors()).containsExactly(
                LabelSelector.labels(Map.of("env", "production")), LabelSelector.labels(Map.of()));
        assertThat(everywhere.paths()).containsExactly(".");
        assertThat(everywhere.interval()).contains(SyncSpec.FLEET_POLL);
        assertThat(everywhere.prune()).isTrue();
    }

    @Test
    void targetsFleetClusterGroupsDeclaredInTheTopologyAndTheDefaultGroupWithoutTargets() throws Exception {
        write(dir, "gitops/grouped.yaml", """
                apiVersion: fleet.cattle.io/v1alpha1
                kind: GitRepo
                metadata: { name: grouped }
                spec:
                  targets:
                  - clusterGroup: edge
                  - clusterGroupSelector: { matchLabels: { tier: prod } }
                ---
                apiVersion: fleet.cattle.io/v1alpha1
                kind: GitRepo
                metadata: { name: defaulted }
                spec: { paths: [apps/web] }
                """);
        Path topology = topology("""
                    hub: hub
                    repository: gitops/repo
                    applications: [gitops/grouped.yaml]
                    cluster-groups:
                      - { name: edge, selector: { tier: edge } }
                      - { name: production, selector: { env: production }, labels: { tier: prod } }
                      - { name: default, selector: { env: staging } }
                """);

        List<Application> apps = TopologyLoader.load(topology).fabric().sync().orElseThrow().applications();

        assertThat(apps.get(0).targets().selectors()).containsExactly(
                LabelSelector.labels(Map.of("tier", "edge")), LabelSelector.labels(Map.of("env", "production")));
        assertThat(apps.get(1).targets().selectors()).containsExactly(LabelSelector.labels(Map.of("env", "staging")));
    }

    @Test
    void reportsAnEmptySectionAndOverrideProblemsInTheScenarioFile() {
        Path topology = topology("""
                    hub: hub
                    repository: gitops/repo
                """);
        write(dir, "topology-fixtures/.keep", "");
        Path scenario = write(dir, "s.yaml", """
                name: s
                topology: t.yaml
                overrides:
                  fabric:
                    sync: { hub: us-est, applications: [gitops/apps.yaml] }
                duration: 1m
                """);

        assertThat(Validation.validate(topology)).containsExactly(
                new Problem(topology, 8, 5, "fabric.sync", "nothing to sync; give applications, policies or both"));
        assertThat(Validation.validate(scenario, Fixtures.in(dir.resolve("topology-fixtures")))).containsExactly(
                new Problem(scenario, 5, 18, "overrides.fabric.sync.hub",
                        "unknown cluster 'us-est'; clusters are hub, us-east, eu-west; did you mean 'us-east'?"));
    }
}
