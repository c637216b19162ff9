package io.mch.harness.config;

import io.mch.harness.config.SyncSpec.Application;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the applications of a GitOps hub from the resources the real controllers read, so that a
 * team's own files drive the simulation and keep working on a cluster with Argo CD or Fleet
 * installed: Argo CD {@code ApplicationSet}s ({@link ApplicationSetReader}) and Fleet
 * {@code GitRepo}s ({@link GitRepoReader}). Every field is honoured as the controller documents
 * it, accepted as having no effect on what lands, or refused with its path (docs/fidelity.md).
 * Every application path must be a directory inside the repository, and every selector must match
 * a cluster.
 */
final class GitOpsManifests {

    static final String ARGO_KIND = "ApplicationSet";
    static final String FLEET_KIND = "GitRepo";
    static final String ROOT = ".";
    static final String DEFAULT_NAMESPACE = "default";
    /** Stands for the target cluster's name in a Helm release name (Argo CD's {@code {{name}}}). */
    static final String CLUSTER_PLACEHOLDER = SyncSpec.CLUSTER_NAME;

    /** An application and where its name was written, for duplicate checks across files. */
    record Read(Application application, Cursor name) {}

    /** What the readers check paths and selectors against; a check whose input is invalid passes. */
    record Context(Optional<Path> repository, Optional<Spokes> spokes, Map<String, ClusterGroup> groups) {

        Path root() {
            return repository.orElse(Path.of("")).toAbsolutePath().normalize();
        }

        /** The directory {@code value} names inside the repository. */
        Optional<Path> directory(Cursor value) {
            return value.text().flatMap(text -> directory(value, text));
        }

        Optional<Path> directory(Cursor at, String text) {
            Path resolved = root().resolve(text.startsWith("/") ? text.substring(1) : text).normalize();
            if (repository.isEmpty()) {
                return Optional.of(resolved);
            }
            if (!resolved.startsWith(root())) {
                at.problem("'" + text + "' is outside the repository " + root());
            } else if (!Files.exists(resolved)) {
                at.problem("'" + text + "' does not exist in the repository " + root());
            } else if (!Files.isDirectory(resolved)) {
                at.problem("'" + text + "' is a file; Argo CD and Fleet read a path as a directory");
            } else {
                DeliveredBalancerResources.refuse(resolved, root(), at.problems());
                return Optional.of(resolved);
            }
            return Optional.empty();
        }

        /** A path as an application keeps it: relative to the repository, a template kept as written. */
        String stored(String text) {
            String relative = text.startsWith("/") ? text.substring(1) : text;
            return ClusterParameters.templated(relative) ? relative : relative(root().resolve(relative).normalize());
        }

        String relative(Path path) {
            String relative = root().relativize(path).toString();
            return relative.isEmpty() ? ROOT : relative;
        }

        boolean check(Cursor at, LabelSelector selector) {
            return spokes.isEmpty() || spokes.get().check(at, selector);
        }

        /** The clusters {@code targets} choose: matching spokes, and the hub when it is a target. */
        List<Topology.ClusterSpec> targeted(SyncSpec.Targets targets) {
            if (spokes.isEmpty()) {
                return List.of();
            }
            List<Topology.ClusterSpec> chosen = new ArrayList<>(spokes.get().clusters().stream()
                    .filter(c -> targets.spoke(c.name(), c.labels())).toList());
            if (targets.hub()) {
                spokes.get().hubCluster().ifPresent(chosen::add);
            }
            return chosen;
        }

        /** Whether the union of {@code targets} reaches a spoke (one target may match none, as in Fleet). */
        boolean reaches(Cursor at, SyncSpec.Targets targets) {
            if (spokes.isEmpty() || spokes.get().clusters().stream().anyMatch(c -> targets.spoke(c.name(), c.labels()))) {
                return true;
            }
            at.problem("no target matches a cluster other than the hub '" + spokes.get().hub() + "'");
            return false;
        }

        boolean named(Cursor at, String name) {
            return spokes.isEmpty() || spokes.get().named(at, name);
        }
    }

    private final Context context;

    /** Checks that need an invalid repository or cluster list are skipped. */
    GitOpsManifests(Optional<Path> repository, Optional<Spokes> spokes, Map<String, ClusterGroup> groups) {
        this.context = new Context(repository, spokes, groups);
    }

    /** Every valid application in {@code file}; the problems of the others are recorded in that file. */
    List<Read> read(Path file, Problems problems) {
        Problems inFile = problems.about(file);
        List<Read> reads = new ArrayList<>();
        YamlFiles.readAll(file, inFile).ifPresent(documents -> documents.forEach(
                document -> document(file, new Cursor(document, "", inFile)).ifPresent(reads::add)));
        return reads;
    }

    private Optional<Read> document(Path file, Cursor document) {
        return ManifestMapping.of(document).flatMap(m -> m.require("kind").flatMap(kind -> kind.text().flatMap(k -> {
            if (!k.equals(ARGO_KIND) && !k.equals(FLEET_KIND)) {
                kind.problem("expected an Argo CD " + ARGO_KIND + " or a Fleet " + FLEET_KIND + ", found kind '" + k + "'");
                return Optional.empty();
            }
            boolean known = FieldRules.check(m, k, Set.of("apiVersion", "kind", "metadata", "spec", "status"), Map.of());
            Optional<ManifestMapping> metadata = m.requireMapping("metadata");
            Optional<Cursor> name = metadata.flatMap(md -> md.require("name"));
            Optional<String> validName = name.flatMap(Cursor::name);
            Optional<Application> application = m.requireMapping("spec").flatMap(spec -> k.equals(ARGO_KIND)
                    ? new ApplicationSetReader(context).read(file, validName, spec)
                    : metadata.flatMap(md -> new GitRepoReader(context).read(file, validName, md, spec)));
            return application.filter(a -> known).map(a -> new Read(a, name.orElseThrow()));
        })));
    }
}
