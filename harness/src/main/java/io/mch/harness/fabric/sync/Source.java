package io.mch.harness.fabric.sync;

import io.mch.harness.config.ClusterParameters;
import io.mch.harness.config.LabelSelector;
import io.mch.harness.config.SyncSpec;
import io.mch.harness.config.SyncSpec.Rendering;
import io.mch.harness.config.SyncSpec.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the controller reconciles as one unit: an application, or a policy (which Argo CD and Fleet
 * also deliver as an application, with self-heal and prune on). One shape for both keeps a single
 * reconcile loop and a single status model.
 *
 * @param mode how the paths are rendered: as the files they are (a policy), as Argo CD renders a
 *     source path, or as Fleet makes bundles of a GitRepo path
 * @param paths files or directories in the working copy (or, for a policy manifest kept outside
 *     the repository, its own file)
 * @param namespace where objects without a namespace go (Argo CD's destination namespace)
 * @param forceNamespace every namespaced object goes to {@code namespace} (Fleet's targetNamespace)
 * @param interval the source's own reconcile interval, without jitter (Fleet's pollingInterval)
 */
record Source(
        String name,
        Mode mode,
        Targets targets,
        List<Path> paths,
        String namespace,
        boolean forceNamespace,
        boolean selfHeal,
        boolean prune,
        boolean automated,
        Optional<Duration> interval,
        Rendering rendering) {

    enum Mode { FILES, ARGO, FLEET }

    private static final String POLICY_NAMESPACE = "default";

    Source {
        paths = List.copyOf(paths);
    }

    static Source of(SyncSpec.Application app, Path workingCopy) {
        return new Source(app.name(), app.kind().equals("GitRepo") ? Mode.FLEET : Mode.ARGO, app.targets(),
                app.paths().stream().map(p -> inside(workingCopy, workingCopy.resolve(p))).toList(),
                app.namespace(), app.forceNamespace(), app.selfHeal(), app.prune(), app.automated(), app.interval(),
                app.rendering());
    }

    /** A policy manifest inside the repository is read from the working copy, so commits reach it. */
    static Source of(SyncSpec.Policy policy, Path repository, Path workingCopy) {
        Path original = repository.toAbsolutePath().normalize();
        List<Path> paths = policy.manifests().stream()
                .map(m -> {
                    Path absolute = m.isAbsolute() ? m.normalize() : original.resolve(m).normalize();
                    return absolute.startsWith(original) ? workingCopy.resolve(original.relativize(absolute)) : absolute;
                })
                .toList();
        return new Source(policy.name(), Mode.FILES, new Targets(List.of(LabelSelector.labels(policy.selector())), false),
                paths, POLICY_NAMESPACE, false, true, true, true, Optional.empty(), Rendering.RECURSIVE);
    }

    /**
     * This source as the Application Argo CD generates for one cluster: the cluster's name and
     * labels in place of the path's and namespace's parameters (validation made sure they resolve).
     */
    Source forCluster(String cluster, Map<String, String> labels) {
        Map<String, String> element = targets.parameters().getOrDefault(cluster, Map.of());
        List<Path> resolved = paths.stream().map(p -> Path.of(resolve(p.toString(), cluster, labels, element))).toList();
        return new Source(name, mode, targets, resolved, resolve(namespace, cluster, labels, element), forceNamespace,
                selfHeal, prune, automated, interval, rendering);
    }

    private static String resolve(String text, String cluster, Map<String, String> labels, Map<String, String> element) {
        return ClusterParameters.resolve(text, cluster, labels, element).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' names a label cluster " + cluster + " does not have"));
    }

    /** Whether the cluster is a target: the hub as Argo CD's in-cluster destination, a spoke by its labels. */
    boolean targets(String cluster, Map<String, String> labels, boolean hub) {
        return hub ? targets.hub() : targets.spoke(cluster, labels);
    }

    /** Where a commit's file names are resolved: the first path, or its directory when it is a file. */
    Path commitDirectory() {
        Path first = paths.get(0);
        return Files.isRegularFile(first) ? first.getParent() : first;
    }

    private static Path inside(Path root, Path path) {
        Path normalized = path.normalize();
        if (!normalized.startsWith(root.normalize())) {
            throw new IllegalArgumentException("application path " + path + " leaves the repository " + root);
        }
        return normalized;
    }
}
