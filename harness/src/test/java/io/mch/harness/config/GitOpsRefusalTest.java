package io.mch.harness.config;

import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.input.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule for the GitOps resources: a field mch does not model is refused before the run with
 * its file, line, column and path, never accepted and ignored. Each case is the shape of an
 * upstream example with one such field; the cases that are honoured are in GitOpsCorpusTest and
 * RendererTest.
 */
class GitOpsRefusalTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheSampleFabric() {
        TestFiles.copyResources("fabric", dir);
        write(dir, "gitops/repo/bundles/chart/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n");
        write(dir, "gitops/repo/bundles/helm/fleet.yaml", "helm:\n  releaseName: web\n");
        write(dir, "gitops/repo/bundles/helm/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n");
        write(dir, "gitops/repo/bundles/both/fleet.yaml",
                "helm:\n  chart: ../chart\n  releaseName: web\n  values: { a: b }\n  valuesFiles:\n  - v.yaml\n");
        write(dir, "gitops/repo/bundles/both/v.yaml", "a: c\n");
        write(dir, "gitops/repo/bundles/remote/fleet.yaml", "helm:\n  repo: https://charts.example.com\n  chart: ../chart\n"
                + "  releaseName: web\n");
        write(dir, "gitops/repo/bundles/templated/fleet.yaml", "helm:\n  chart: ../chart\n  releaseName: web\n  values:\n"
                + "    env: '${ .ClusterLabels.env }'\n");
        write(dir, "gitops/repo/bundles/custom/fleet.yaml",
                "defaultNamespace: shop\ntargetCustomizations:\n- name: prod\n  clusterSelector: {}\n");
        write(dir, "gitops/repo/bundles/overlaid/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n");
        write(dir, "gitops/repo/bundles/overlaid/overlays/prod/cm_patch.yaml", "data: { a: b }\n");
    }

    /** An ApplicationSet in the seed's shape, with {@code generator}, {@code source} and {@code extra} lines. */
    private static String applicationSet(String generator, String source, String extra) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: { name: web }
                spec:
                  generators:
                  %s
                  template:
                    metadata: { name: 'web-{{name}}' }
                    spec:
                      project: default
                      source: %s
                      destination: { server: '{{server}}', namespace: shop }
                %s""".formatted(generator, source, extra);
    }

    private static final String CLUSTERS = "- clusters: { selector: { matchLabels: { env: production } } }";
    private static final String SOURCE = "{ repoURL: https://git.example.com/r, targetRevision: HEAD, path: apps/web }";

    /** A GitRepo with {@code spec} lines (indented by four spaces). */
    private static String gitRepo(String namespace, String spec) {
        return """
                apiVersion: fleet.cattle.io/v1alpha1
                kind: GitRepo
                metadata: { name: shop, namespace: %s }
                spec:
                  repo: https://git.example.com/r
                %s""".formatted(namespace, spec);
    }

    static Stream<Arguments> refusals() {
        String targets = "  targets: [{ clusterSelector: { matchLabels: { env: production } } }]\n";
        return Stream.of(
                Arguments.of(applicationSet("- list: { elements: [{ cluster: us-east }] }", SOURCE, ""),
                        "12:30: spec.template.spec.destination.server: mch does not model the parameter '{{server}}' here"),
                Arguments.of(applicationSet("- list: { elements: [{ server: 'https://1.2.3.4' }] }", SOURCE, ""),
                        "12:30: spec.template.spec.destination.server: 'https://1.2.3.4' is not a cluster mch knows"),
                Arguments.of(applicationSet("- list: { elements: [{ server: 'https://kubernetes.default.svc' },"
                        + " { server: 'https://kubernetes.default.svc' }] }", SOURCE, ""),
                        "12:30: spec.template.spec.destination.server: two elements address cluster 'hub'"),
                Arguments.of(applicationSet("- list: { elements: [{ server: 'https://kubernetes.default.svc' }],"
                        + " template: { spec: { project: p } } }", SOURCE, ""),
                        "6:81: spec.generators[0].list.template: mch does not model generator-level template overrides"),
                Arguments.of(applicationSet("- list: { elementsYaml: '[]' }", SOURCE, ""),
                        "6:27: spec.generators[0].list.elementsYaml: mch does not model elements given as YAML text"),
                Arguments.of(applicationSet("- list: { elements: [{ server: 'https://kubernetes.default.svc' }] }"
                        + "\n    selector: { matchLabels: { server: x } }", SOURCE, ""),
                        "6:5: spec.generators[0]: mch models a list generator alone in its item"),
                Arguments.of(applicationSet("- list: { elements: [{ server: 'https://kubernetes.default.svc' }] }",
                        "{ path: 'apps/{{name}}' }", ""),
                        "11:23: spec.template.spec.source.path: mch does not model the parameter '{{name}}' here"),
                Arguments.of(applicationSet("- list: { elements: [{ server: 'https://kubernetes.default.svc', name: x }] }",
                        "{ path: bundles/chart }", ""),
                        "11:15: spec.template.spec.source: the Helm release name defaults to the Application's name 'web-{{name}}',"
                                + " whose parameters mch does not model from a list generator's elements"),
                Arguments.of(applicationSet("- matrix: { generators: [] }", SOURCE, ""),
                        "6:13: spec.generators[0].matrix: mch does not model the matrix generator"),
                Arguments.of(applicationSet("- list: { elements: [{ server: 'https://kubernetes.default.svc', name: x }] }",
                        "{ path: bundles/chart }", ""),
                        "11:15: spec.template.spec.source: the Helm release name defaults to the Application's name 'web-{{name}}',"
                                + " whose parameters mch does not model from a list generator's elements"),
                Arguments.of(applicationSet("- matrix: { generators: [] }", SOURCE, ""),
                        "6:13: spec.generators[0].matrix: mch does not model the matrix generator"),
                Arguments.of(applicationSet(CLUSTERS + "\n    selector: { matchLabels: { tier: edge } }", SOURCE, ""),
                        "7:15: spec.generators[0].selector: mch does not model the parameter 'tier' in a post-selector"),
                Arguments.of(applicationSet(CLUSTERS + "\n    selector: { matchLabels: { server: https://x } }", SOURCE, ""),
                        "7:15: spec.generators[0].selector: mch does not model the parameter 'server' in a post-selector"),
                Arguments.of(applicationSet(CLUSTERS + "\n    selector: { matchLabels: { name: eu-west } }", SOURCE, ""),
                        "7:15: spec.generators[0].selector: the post-selector {name: eu-west} matches none of the generated"),
                Arguments.of(applicationSet("- clusters: { values: { team: '{{server}}' } }", SOURCE, ""),
                        "6:33: spec.generators[0].clusters.values.team: mch does not model the parameter '{{server}}'"),
                Arguments.of(applicationSet("- clusters: { values: { team: web } }", "{ path: 'apps/{{values.tea}}' }", ""),
                        "11:23: spec.template.spec.source.path: mch does not model the parameter '{{values.tea}}'"),
                Arguments.of(applicationSet("- clusters: { template: { spec: { project: p } } }", SOURCE, ""),
                        "6:27: spec.generators[0].clusters.template: mch does not model generator-level template"),
                Arguments.of(applicationSet(CLUSTERS, SOURCE, "  strategy: { type: RollingSync }\n"),
                        "13:13: spec.strategy: mch does not model progressive syncs"),
                Arguments.of(applicationSet(CLUSTERS, SOURCE, "      sources: []\n"),
                        "13:16: spec.template.spec.sources: mch does not model multiple sources"),
                Arguments.of(applicationSet(CLUSTERS, "{ repoURL: https://charts.example.com, chart: web, path: apps/web }", ""),
                        "11:61: spec.template.spec.source.chart: mch does not model charts from a Helm repository"),
                Arguments.of(applicationSet(CLUSTERS, "{ path: apps/web, kustomize: { namePrefix: p- } }", ""),
                        "11:44: spec.template.spec.source.kustomize: mch does not model kustomize overrides"),
                Arguments.of(applicationSet(CLUSTERS, "{ path: apps/web, helm: { releaseName: web } }", ""),
                        "11:39: spec.template.spec.source.helm: source.helm applies to a Helm chart"),
                Arguments.of(applicationSet(CLUSTERS, "{ path: apps/web, directory: { jsonnet: {} } }", ""),
                        "11:55: spec.template.spec.source.directory.jsonnet: mch does not model Jsonnet"),
                Arguments.of(applicationSet(CLUSTERS, "{ path: 'apps/{{values.team}}' }", ""),
                        "11:23: spec.template.spec.source.path: mch does not model the parameter '{{values.team}}'"),
                Arguments.of(applicationSet(CLUSTERS, "{ path: 'apps/{{.name}}' }", ""),
                        "11:23: spec.template.spec.source.path: '{{.name}}' is not fasttemplate syntax"),
                Arguments.of(applicationSet(CLUSTERS, "{ path: 'apps/{{name}}' }", ""),
                        "11:23: spec.template.spec.source.path: 'apps/us-east' does not exist in the repository"),
                Arguments.of(applicationSet(CLUSTERS, SOURCE, "      syncPolicy: { syncOptions: [CreateNamespace=true] }\n"),
                        "13:34: spec.template.spec.syncPolicy.syncOptions: mch does not model sync options"),
                Arguments.of(applicationSet(CLUSTERS, SOURCE, "      syncPolicy: { retry: { limit: 5 } }\n"),
                        "13:28: spec.template.spec.syncPolicy.retry: mch does not model sync retries"),
                Arguments.of(applicationSet(CLUSTERS, SOURCE, "      ignoreDifferences: []\n"),
                        "13:26: spec.template.spec.ignoreDifferences: mch does not model ignored differences"),
                Arguments.of(applicationSet(CLUSTERS, "{ path: apps/web/config.yaml }", ""),
                        "11:23: spec.template.spec.source.path: 'apps/web/config.yaml' is a file"),
                Arguments.of(applicationSet(CLUSTERS, SOURCE, "").replace("server: '{{server}}'",
                                "server: https://kubernetes.default.svc"),
                        "12:20: spec.template.spec.destination: mch models a destination that is the generated cluster"),
                Arguments.of(gitRepo("fleet-default", "  paths: [apps/web]\n"),
                        "5:3: spec: without targets Fleet deploys to the cluster group 'default'"),
                Arguments.of(gitRepo("fleet-default", "  paths: [apps/web]\n  targets: [{ clusterGroup: prod }]\n"),
                        "7:29: spec.targets[0].clusterGroup: no cluster group 'prod' is declared in fabric.sync.cluster-groups; none"),
                Arguments.of(gitRepo("fleet-default", "  paths: [apps/web]\n  targets: [{ clusterName: us-east,"
                                + " clusterSelector: {} }]\n"),
                        "7:13: spec.targets[0]: mch models a target with one of clusterSelector, clusterName"),
                Arguments.of(gitRepo("fleet-default", "  paths: [apps/web]\n  paused: true\n" + targets),
                        "7:11: spec.paused: mch does not model paused GitRepos"),
                Arguments.of(gitRepo("fleet-local", "  paths: [apps/web]\n" + targets),
                        "3:36: metadata.namespace: mch does not model fleet-local"),
                Arguments.of(gitRepo("fleet-default", "  paths: [bundles/chart]\n" + targets),
                        "6:10: spec.paths: the bundle 'bundles/chart' holds a Chart.yaml: mch models a Helm bundle with"),
                Arguments.of(gitRepo("fleet-default", "  paths: [bundles/overlaid]\n" + targets),
                        "6:10: spec.paths: mch does not model Fleet's raw-YAML overlays"),
                Arguments.of(gitRepo("fleet-default", "  paths: [bundles/helm]\n" + targets),
                        "gitops/repo/bundles/helm/fleet.yaml:2:3: helm: helm options apply to a Helm bundle"),
                Arguments.of(gitRepo("fleet-default", "  paths: [bundles/both]\n" + targets),
                        "gitops/repo/bundles/both/fleet.yaml:6:3: helm.valuesFiles: mch models helm.values or helm.valuesFiles"),
                Arguments.of(gitRepo("fleet-default", "  paths: [bundles/remote]\n" + targets),
                        "gitops/repo/bundles/remote/fleet.yaml:2:9: helm.repo: mch does not model charts from a Helm repository"),
                Arguments.of(gitRepo("fleet-default", "  paths: [bundles/templated]\n" + targets),
                        "gitops/repo/bundles/templated/fleet.yaml:5:5: helm.values: mch does not model Fleet's templated values"),
                Arguments.of(gitRepo("fleet-default", "  paths: [bundles/custom]\n" + targets),
                        "gitops/repo/bundles/custom/fleet.yaml:3:1: targetCustomizations: mch does not model per-target"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWhatItDoesNotModelWithTheFieldAndItsPlace(String application, String expected) {
        write(dir, "gitops/case.yaml", application);

        List<String> problems = Validation.validate(topology()).stream().map(Problem::toString).toList();

        String where = expected.startsWith("gitops/") ? dir.resolve(expected).toString() : dir.resolve("gitops/case.yaml") + ":" + expected;
        assertThat(problems).singleElement().asString().startsWith(where);
    }

    @Test
    void acceptsFieldsThatChangeNothingThatLandsAndHonoursSetBasedSelectors() {
        write(dir, "gitops/case.yaml", applicationSet(
                "- clusters: { selector: { matchExpressions: [{ key: env, operator: In, values: [production, staging] }] },"
                        + " values: { team: web } }", SOURCE,
                "      info: [{ name: owner, value: web }]\n      revisionHistoryLimit: 3\n"
                        + "  goTemplateOptions: [missingkey=error]\n  preservedFields: { annotations: [a] }\n"));

        assertThat(Validation.validate(topology())).isEmpty();
    }

    private Path topology() {
        return write(dir, "t.yaml", """
                name: t
                clusters:
                  - { name: hub, region: r1, role: hub }
                  - { name: us-east, region: r1, role: spoke, labels: { env: production } }
                  - { name: eu-west, region: r2, role: spoke, labels: { env: staging } }
                fabric:
                  sync:
                    hub: hub
                    repository: gitops/repo
                    applications: [gitops/case.yaml]
                """);
    }
}
