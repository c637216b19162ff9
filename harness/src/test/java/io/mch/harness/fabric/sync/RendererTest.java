package io.mch.harness.fabric.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.harness.config.LabelSelector;
import io.mch.harness.config.SyncSpec;
import io.mch.harness.config.SyncSpec.Rendering;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a path renders to, file layout by file layout, in the shapes of Argo CD's and Fleet's
 * examples: Argo CD's directory rules, a Helm chart through Helm's own engine with
 * {@code source.helm}, Fleet bundles with their fleet.yaml namespaces, and Fleet's enforced
 * {@code targetNamespace}. Object keys are {@code Kind/namespace/name}.
 */
class RendererTest {

    @TempDir
    Path dir;

    private static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  k: v\n";
    }

    private void write(String relative, String content) throws Exception {
        Path file = dir.resolve("repo").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private List<String> keys(SyncSpec.Application app, String cluster) throws Exception {
        WorkingCopy copy = WorkingCopy.of(dir.resolve("repo"), dir.resolve("run-" + System.nanoTime()));
        return copy.manifests(Source.of(app, copy.root()), cluster).stream().map(Manifest::key).toList();
    }

    private static SyncSpec.Application argo(String path, Rendering rendering) {
        return new SyncSpec.Application("web", "ApplicationSet", Path.of("appset.yaml"),
                new SyncSpec.Targets(List.of(LabelSelector.labels(Map.of())), false), List.of(path), "shop", false,
                true, true, true, Optional.empty(), rendering);
    }

    private static SyncSpec.Application fleet(String path, Optional<String> targetNamespace) {
        return new SyncSpec.Application("web", "GitRepo", Path.of("gitrepo.yaml"),
                new SyncSpec.Targets(List.of(LabelSelector.labels(Map.of())), false), List.of(path),
                targetNamespace.orElse("default"), targetNamespace.isPresent(), false, true, true,
                Optional.of(SyncSpec.FLEET_POLL), Rendering.RECURSIVE);
    }

    private void directoryLayout() throws Exception {
        write("guestbook/a.yaml", configMap("a"));
        write("guestbook/b.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"b\"}}");
        write("guestbook/c.yml", configMap("c"));
        write("guestbook/README.md", "not a manifest");
        write("guestbook/sub/d.yaml", configMap("d"));
    }

    @Test
    void argoReadsYamlYmlAndJsonOfThePathItselfUnlessRecurse() throws Exception {
        directoryLayout();

        assertThat(keys(argo("guestbook", Rendering.DIRECTORY), "prod"))
                .containsExactly("ConfigMap/shop/a", "ConfigMap/shop/b", "ConfigMap/shop/c");
        assertThat(keys(argo("guestbook", Rendering.RECURSIVE), "prod"))
                .containsExactly("ConfigMap/shop/a", "ConfigMap/shop/b", "ConfigMap/shop/c", "ConfigMap/shop/d");
    }

    @Test
    void argoIncludesAndExcludesByGlobOverThePathRelativeToTheSource() throws Exception {
        directoryLayout();

        assertThat(keys(argo("guestbook", new Rendering(true, Optional.of("{a.yaml,sub/*}"), Optional.empty(),
                Optional.empty())), "prod")).containsExactly("ConfigMap/shop/a", "ConfigMap/shop/d");
        assertThat(keys(argo("guestbook", new Rendering(true, Optional.empty(), Optional.of("*.json"),
                Optional.empty())), "prod")).containsExactly("ConfigMap/shop/a", "ConfigMap/shop/c", "ConfigMap/shop/d");
    }

    @Test
    void argoRendersAChartWithValueFilesValuesAndParametersInThatOrder() throws Exception {
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        write("charts/web/values.yaml", "color: blue\nsize: s\nreplicas: 1\n");
        write("charts/web/values-prod.yaml", "color: green\nsize: m\n");
        write("charts/web/templates/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-config
                data:
                  color: {{ .Values.color }}
                  size: {{ .Values.size }}
                  replicas: "{{ .Values.replicas }}"
                  namespace: {{ .Release.Namespace }}
                """);
        var helm = new SyncSpec.Helm("web-" + SyncSpec.CLUSTER_NAME, List.of("values-prod.yaml"),
                Optional.of("size: l\n"), Map.of("replicas", "3"));
        WorkingCopy copy = WorkingCopy.of(dir.resolve("repo"), dir.resolve("run"));
        Source source = Source.of(argo("charts/web", new Rendering(false, Optional.empty(), Optional.empty(),
                Optional.of(helm))), copy.root());

        List<Manifest> rendered = copy.manifests(source, "prod");

        assertThat(rendered).extracting(Manifest::key).containsExactly("ConfigMap/shop/web-prod-config");
        assertThat(rendered.get(0).tree().get("data").toString())
                .contains("\"color\":\"green\"", "\"size\":\"l\"", "\"replicas\":\"3\"", "\"namespace\":\"shop\"");
    }

    @Test
    void fleetMakesABundleOfEveryFleetYamlWithItsNamespacesAndReadsSubdirectories() throws Exception {
        write("fleet/fleet.yaml", "defaultNamespace: shop\n");
        write("fleet/app.yaml", configMap("app"));
        write("fleet/more/extra.yaml", configMap("extra") + "---\n" + configMap("pinned").replace("name: pinned",
                "name: pinned\n  namespace: pinned"));
        write("fleet/monitoring/fleet.yaml", "namespace: monitoring\n");
        write("fleet/monitoring/agent.yaml", configMap("agent").replace("name: agent", "name: agent\n  namespace: x"));

        assertThat(keys(fleet("fleet", Optional.empty()), "prod")).containsExactly(
                "ConfigMap/shop/app", "ConfigMap/shop/extra", "ConfigMap/pinned/pinned", "ConfigMap/monitoring/agent");
    }

    @Test
    void fleetEnforcesTheTargetNamespaceAndFailsOnAClusterScopedObject() throws Exception {
        write("fleet/app.yaml", configMap("app").replace("name: app", "name: app\n  namespace: elsewhere"));

        assertThat(keys(fleet("fleet", Optional.of("shop")), "prod")).containsExactly("ConfigMap/shop/app");

        write("fleet/role.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n");
        assertThatThrownBy(() -> keys(fleet("fleet", Optional.of("shop")), "prod"))
                .hasMessageContaining("invalid cluster scoped object ClusterRole/reader").hasMessageContaining("role.yaml");
    }

    @Test
    void fleetRendersTheKustomizeDirOfItsFleetYaml() throws Exception {
        write("k8s/fleet.yaml", "defaultNamespace: production\nkustomize:\n  dir: overlays/prod\n");
        write("k8s/base/kustomization.yaml", "resources:\n- app.yaml\n");
        write("k8s/base/app.yaml", configMap("app"));
        write("k8s/overlays/prod/kustomization.yaml", "bases:\n- ../../base\nnamePrefix: prod-\n");

        assertThat(keys(fleet("k8s", Optional.empty()), "staging")).containsExactly("ConfigMap/production/prod-app");
    }

    @Test
    void aKustomizationThatDoesNotBuildFailsNamingItsDirectory() throws Exception {
        write("broken/kustomization.yaml", "resources:\n- missing.yaml\n");

        assertThatThrownBy(() -> keys(argo("broken", Rendering.DIRECTORY), "prod"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kustomize build")
                .hasMessageContaining("broken");
    }
}
