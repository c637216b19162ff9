package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks the bundles Fleet makes of a GitRepo path before the run: the path, and every directory
 * below it holding a {@code fleet.yaml}, is a bundle. A bundle is rendered by kustomize when its
 * {@code kustomize.dir} (default: its root) holds a kustomization, and is otherwise every
 * {@code .yaml}/{@code .yml} file below it. Honoured in {@code fleet.yaml}: {@code defaultNamespace},
 * {@code namespace}, {@code kustomize.dir}, {@code helm} (a chart of the repository with
 * {@code releaseName}, {@code values} or {@code valuesFiles}); fields that do not change what lands
 * are accepted; a Helm chart without {@code helm.releaseName}, {@code targetCustomizations}, {@code yaml.overlays} (and an
 * {@code overlays/} directory), {@code dependsOn}, {@code diff} and the rest are refused.
 */
public final class FleetBundleReader {

    public static final String FLEET_YAML = "fleet.yaml";
    private static final String RESOURCE = "Fleet's fleet.yaml";

    private final GitOpsManifests.Context context;

    FleetBundleReader(GitOpsManifests.Context context) {
        this.context = context;
    }

    /** Every bundle root under {@code path}: the path itself and each directory with a fleet.yaml. */
    public static List<Path> roots(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(p -> p.equals(path) || (Files.isDirectory(p) && Files.isRegularFile(p.resolve(FLEET_YAML))))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    /** Whether every bundle under {@code path} is one mch renders as Fleet does; problems at {@code at}. */
    boolean check(Cursor at, Path path) {
        boolean ok = true;
        for (Path root : roots(path)) {
            ok &= bundle(at, root);
        }
        return ok;
    }

    private boolean bundle(Cursor at, Path root) {
        Path fleetYaml = root.resolve(FLEET_YAML);
        Path dir = root;
        Optional<Path> chart = Optional.empty();
        if (Files.isRegularFile(fleetYaml)) {
            Problems inFile = at.problems().about(fleetYaml);
            int before = inFile.count();
            List<Node> docs = YamlFiles.readAll(fleetYaml, inFile).orElse(List.of());
            for (int i = 0; i < docs.size(); i++) {
                Cursor doc = new Cursor(docs.get(i), "", inFile);
                if (i > 0) {
                    doc.problem("a fleet.yaml holds one document");
                }
                Optional<ManifestMapping> options = ManifestMapping.of(doc);
                dir = options.map(m -> options(m, root)).orElse(root);
                chart = options.flatMap(m -> m.mapping("helm")).flatMap(h -> helm(h, root));
            }
            if (inFile.count() > before) {
                return false;
            }
        }
        String where = context.relative(root);
        if (chart.isPresent()) {
            return true;
        }
        if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            at.problem("the bundle '" + context.relative(dir) + "' holds a Chart.yaml: mch models a Helm bundle with"
                    + " helm.releaseName set in its fleet.yaml (Fleet's generated release name is not modelled)");
            return false;
        }
        if (Kustomize.in(dir)) {
            if (Kustomize.command().isEmpty()) {
                at.problem("the bundle '" + where + "' is a kustomization, and no kustomize is installed to render it: "
                        + Kustomize.INSTALL);
                return false;
            }
            return true;
        }
        if (Files.isDirectory(root.resolve("overlays"))) {
            at.problem("mch does not model Fleet's raw-YAML overlays: the bundle '" + where + "' has an overlays/"
                    + " directory");
            return false;
        }
        return true;
    }

    /**
     * Checks a fleet.yaml's {@code helm}: {@code chart} a directory of the repository holding a
     * Chart.yaml (relative to the bundle; default the bundle itself), {@code releaseName} given,
     * {@code values} or {@code valuesFiles} (files of the bundle); returns the chart.
     */
    private Optional<Path> helm(ManifestMapping helm, Path root) {
        boolean known = FieldRules.check(helm, RESOURCE, Set.of("chart", "releaseName", "values", "valuesFiles"), Map.of(
                "repo", "charts from a Helm repository (helm.repo); put the chart in the repository",
                "version", "chart versions from a Helm repository (helm.version)",
                "valuesFrom", "values from ConfigMaps and Secrets (helm.valuesFrom)"));
        Optional<Path> chart = helm.get("chart").map(c -> c.text().map(t -> root.resolve(t).normalize()).filter(p -> {
            if (!p.startsWith(context.root()) || !Files.isRegularFile(p.resolve("Chart.yaml"))) {
                c.problem("mch models helm.chart as a directory of the repository holding a Chart.yaml (a chart URL or"
                        + " a Helm repository is not modelled)");
                return false;
            }
            return true;
        })).orElseGet(() -> Optional.of(root).filter(r -> Files.isRegularFile(r.resolve("Chart.yaml"))));
        if (chart.isEmpty() && helm.get("chart").isEmpty()) {
            helm.self().problem("helm options apply to a Helm bundle, and '" + context.relative(root) + "' holds no"
                    + " Chart.yaml and names no helm.chart");
        }
        Optional<String> release = helm.require("releaseName").flatMap(Cursor::name);
        if (helm.get("values").isPresent() && helm.get("valuesFiles").isPresent()) {
            helm.get("valuesFiles").get().problem("mch models helm.values or helm.valuesFiles, not both in one fleet.yaml");
            return Optional.empty();
        }
        boolean values = helm.get("values").map(v -> ManifestMapping.of(v).flatMap(ManifestMapping::values).filter(m -> {
            if (new org.yaml.snakeyaml.Yaml().dump(m).contains("${")) {
                v.problem("mch does not model Fleet's templated values (${ ... })");
                return false;
            }
            return true;
        }).isPresent()).orElse(true);
        boolean files = helm.get("valuesFiles").map(c -> c.list(f -> f.text().filter(t -> {
            Path file = root.resolve(t).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                f.problem("'" + t + "' is not a file of the bundle '" + context.relative(root) + "'");
                return false;
            }
            return true;
        })).isPresent()).orElse(true);
        return known && release.isPresent() && values && files ? chart : Optional.empty();
    }

    /**
     * The Helm chart a bundle's fleet.yaml names and how to render it, for the renderer; the
     * fleet.yaml was checked before the run ({@link #check}).
     */
    public static Optional<Map.Entry<Path, SyncSpec.Helm>> helm(Path root, Map<?, ?> options) {
        if (!(options.get("helm") instanceof Map<?, ?> helm)) {
            return Optional.empty();
        }
        Path chart = Optional.ofNullable(helm.get("chart")).map(c -> root.resolve(c.toString()).normalize()).orElse(root);
        List<String> files = helm.get("valuesFiles") instanceof List<?> list
                ? list.stream().map(f -> chart.relativize(root.resolve(f.toString()).normalize()).toString()).toList()
                : List.of();
        Optional<String> values = Optional.ofNullable(helm.get("values")).map(v -> new org.yaml.snakeyaml.Yaml().dump(v));
        return Optional.of(Map.entry(chart, new SyncSpec.Helm(helm.get("releaseName").toString(), files, values, Map.of())));
    }

    /** Checks the fleet.yaml's fields; returns the directory kustomize builds ({@code kustomize.dir}). */
    private Path options(ManifestMapping fleet, Path root) {
        FieldRules.check(fleet, RESOURCE, Set.of("defaultNamespace", "namespace", "kustomize", "helm", "name", "labels",
                "serviceAccount", "keepResources", "deleteNamespace"), Map.ofEntries(
                Map.entry("targetCustomizations", "per-target customizations (targetCustomizations)"),
                Map.entry("yaml", "raw-YAML overlays (yaml.overlays)"),
                Map.entry("dependsOn", "bundle dependencies (dependsOn)"),
                Map.entry("diff", "diff options (diff)"),
                Map.entry("paused", "paused bundles (paused)"),
                Map.entry("rolloutStrategy", "rollout strategies (rolloutStrategy)"),
                Map.entry("correctDrift", "drift correction set in fleet.yaml (correctDrift)"),
                Map.entry("overrideTargets", "targets set in fleet.yaml (overrideTargets)"),
                Map.entry("namespaceLabels", "namespace labels (namespaceLabels)"),
                Map.entry("namespaceAnnotations", "namespace annotations (namespaceAnnotations)"),
                Map.entry("ignore", "ignored status conditions (ignore)")));
        fleet.get("defaultNamespace").ifPresent(Cursor::name);
        fleet.get("namespace").ifPresent(Cursor::name);
        return fleet.mapping("kustomize").flatMap(k -> {
            FieldRules.check(k, RESOURCE, Set.of("dir"), Map.of());
            return k.get("dir").flatMap(d -> d.text().map(t -> root.resolve(t).normalize()).filter(p -> {
                if (!p.startsWith(root) || !Files.isDirectory(p)) {
                    d.problem("kustomize.dir must name a directory inside the bundle '" + context.relative(root) + "'");
                    return false;
                }
                return true;
            }));
        }).orElse(root);
    }
}
