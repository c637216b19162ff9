package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks the bundles Fleet makes of a GitRepo path before the run: the path, and every directory
 * below it holding a {@code fleet.yaml}, is a bundle. A bundle is rendered by kustomize when its
 * {@code kustomize.dir} (default: its root) holds a kustomization, and is otherwise every
 * {@code .yaml}/{@code .yml} file below it. Honoured in {@code fleet.yaml}: {@code defaultNamespace},
 * {@code namespace}, {@code kustomize.dir}; fields that do not change what lands are accepted; a
 * Helm chart, {@code helm}, {@code targetCustomizations}, {@code yaml.overlays} (and an
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
        if (Files.isRegularFile(fleetYaml)) {
            Problems inFile = at.problems().about(fleetYaml);
            int before = inFile.count();
            List<Node> docs = YamlFiles.readAll(fleetYaml, inFile).orElse(List.of());
            for (int i = 0; i < docs.size(); i++) {
                Cursor doc = new Cursor(docs.get(i), "", inFile);
                if (i > 0) {
                    doc.problem("a fleet.yaml holds one document");
                }
                dir = ManifestMapping.of(doc).map(m -> options(m, root)).orElse(root);
            }
            if (inFile.count() > before) {
                return false;
            }
        }
        String where = context.relative(root);
        if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            at.problem("mch does not model Fleet's Helm bundles: '" + context.relative(dir) + "' holds a Chart.yaml");
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

    /** Checks the fleet.yaml's fields; returns the directory kustomize builds ({@code kustomize.dir}). */
    private Path options(ManifestMapping fleet, Path root) {
        FieldRules.check(fleet, RESOURCE, Set.of("defaultNamespace", "namespace", "kustomize", "name", "labels",
                "serviceAccount", "keepResources", "deleteNamespace"), Map.ofEntries(
                Map.entry("helm", "Helm options in fleet.yaml (helm)"),
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
