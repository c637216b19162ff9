package io.mch.harness.fabric.sync;

import io.mch.harness.config.SyncSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the controller reconciles as one unit: an application, or a policy (which Argo CD and Fleet
 * also deliver as an application, with self-heal and prune on). One shape for both keeps a single
 * reconcile loop and a single status model.
 *
 * @param paths files or directories in the working copy (or, for a policy manifest kept outside
 *     the repository, its own file)
 * @param namespace where objects without a namespace go (Argo CD's destination namespace)
 */
record Source(
        String name,
        Map<String, String> selector,
        List<Path> paths,
        String namespace,
        boolean selfHeal,
        boolean prune) {

    private static final String POLICY_NAMESPACE = "default";

    Source {
        selector = Map.copyOf(selector);
        paths = List.copyOf(paths);
    }

    static Source of(SyncSpec.Application app, Path workingCopy) {
        return new Source(app.name(), app.selector(),
                app.paths().stream().map(p -> inside(workingCopy, workingCopy.resolve(p))).toList(),
                app.namespace(), app.selfHeal(), app.prune());
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
        return new Source(policy.name(), policy.selector(), paths, POLICY_NAMESPACE, true, true);
    }

    /** Whether a cluster with these labels is a target: every selector label must match. */
    boolean targets(Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
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
