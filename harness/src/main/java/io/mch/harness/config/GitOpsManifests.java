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
import java.util.stream.Stream;

/**
 * Reads the applications of a GitOps hub from the resources the real controllers read, so that a
 * team's own files drive the simulation and keep working on a cluster with Argo CD or Fleet
 * installed:
 * <ul>
 *   <li>Argo CD {@code ApplicationSet} with one {@code clusters} generator: {@code metadata.name};
 *       {@code spec.generators[0].clusters.selector.matchLabels} (no selector: every spoke);
 *       {@code spec.template.spec.source.path}; {@code spec.template.spec.destination.namespace}
 *       (default {@code default}); {@code spec.template.spec.syncPolicy.automated.prune} and
 *       {@code .selfHeal} (default false; no {@code automated}: manual sync, both false).
 *   <li>Fleet {@code GitRepo}: {@code metadata.name}; {@code spec.paths} (default: the repository
 *       root, {@code .}); {@code spec.targets[].clusterSelector.matchLabels} (no targets: every
 *       spoke); {@code spec.targetNamespace} (default {@code default});
 *       {@code spec.correctDrift.enabled} is self-heal (default false); prune unless
 *       {@code spec.keepResources: true}. Fleet deploys to the union of its targets; an
 *       application has one selector, so several targets are read as their union where one
 *       selector expresses it (all equal, or one empty: every spoke) and otherwise as the first
 *       target's selector.
 * </ul>
 * Set-based selectors ({@code matchExpressions}) are refused rather than ignored: the embedded API
 * server ignores them too, so a silently widened target set would go unnoticed. Every application
 * path must exist inside the repository, and every selector must match a cluster other than the hub.
 */
final class GitOpsManifests {

    static final String ARGO_KIND = "ApplicationSet";
    static final String FLEET_KIND = "GitRepo";
    static final String ROOT = ".";
    static final String DEFAULT_NAMESPACE = "default";

    /** An application and where its name was written, for duplicate checks across files. */
    record Read(Application application, Cursor name) {}

    private final Optional<Path> repository;
    private final Optional<Spokes> spokes;

    /** Checks that need an invalid repository or cluster list are skipped. */
    GitOpsManifests(Optional<Path> repository, Optional<Spokes> spokes) {
        this.repository = repository;
        this.spokes = spokes;
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
            Optional<Cursor> name = m.requireMapping("metadata").flatMap(md -> md.require("name"));
            Optional<String> validName = name.flatMap(Cursor::name);
            Optional<Application> application = m.requireMapping("spec").flatMap(spec -> k.equals(ARGO_KIND)
                    ? applicationSet(file, validName, spec)
                    : gitRepo(file, validName, spec));
            return application.map(a -> new Read(a, name.orElseThrow()));
        })));
    }

    private Optional<Application> applicationSet(Path file, Optional<String> name, ManifestMapping spec) {
        Optional<Map<String, String>> selector = spec.require("generators").flatMap(this::clustersGenerator);
        Optional<ManifestMapping> template = spec.requireMapping("template").flatMap(t -> t.requireMapping("spec"));
        Optional<String> path = template.flatMap(t -> t.requireMapping("source"))
                .flatMap(source -> source.require("path")).flatMap(this::path);
        Optional<String> namespace = template.flatMap(t -> t.mapping("destination")
                .map(d -> d.get("namespace").map(Cursor::name).orElse(Optional.of(DEFAULT_NAMESPACE)))
                .orElse(Optional.of(DEFAULT_NAMESPACE)));
        Optional<ManifestMapping> automated = template.flatMap(t -> t.mapping("syncPolicy")).flatMap(p -> p.mapping("automated"));
        Optional<Boolean> prune = automated.map(a -> a.bool("prune", false)).orElse(Optional.of(false));
        Optional<Boolean> selfHeal = automated.map(a -> a.bool("selfHeal", false)).orElse(Optional.of(false));
        if (name.isEmpty() || selector.isEmpty() || path.isEmpty() || namespace.isEmpty() || prune.isEmpty()
                || selfHeal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Application(name.get(), ARGO_KIND, file, selector.get(), List.of(path.get()),
                namespace.get(), selfHeal.get(), prune.get()));
    }

    private Optional<Map<String, String>> clustersGenerator(Cursor generators) {
        return generators.items().flatMap(items -> {
            if (items.size() != 1) {
                generators.problem("expected one clusters generator, found " + items.size() + " generators");
                return Optional.empty();
            }
            return ManifestMapping.of(items.get(0)).flatMap(generator -> {
                Optional<ManifestMapping> clusters = generator.get("clusters").flatMap(ManifestMapping::of);
                if (generator.get("clusters").isEmpty()) {
                    generator.self().problem("only the clusters generator is supported");
                }
                return clusters.flatMap(c -> selector(c, "selector"));
            });
        });
    }

    private Optional<Application> gitRepo(Path file, Optional<String> name, ManifestMapping spec) {
        Optional<List<String>> paths = spec.get("paths")
                .map(c -> c.list(this::path).filter(list -> nonEmpty(c, list)))
                .orElse(Optional.of(List.of(ROOT)));
        Optional<Map<String, String>> selector = spec.get("targets").map(this::targets)
                .orElseGet(() -> checked(spec.self(), Map.of()));
        Optional<String> namespace = spec.get("targetNamespace").map(Cursor::name).orElse(Optional.of(DEFAULT_NAMESPACE));
        Optional<Boolean> selfHeal = spec.mapping("correctDrift").map(d -> d.bool("enabled", false))
                .orElse(Optional.of(false));
        Optional<Boolean> keepResources = spec.bool("keepResources", false);
        if (name.isEmpty() || paths.isEmpty() || selector.isEmpty() || namespace.isEmpty() || selfHeal.isEmpty()
                || keepResources.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Application(name.get(), FLEET_KIND, file, selector.get(), paths.get(), namespace.get(),
                selfHeal.get(), !keepResources.get()));
    }

    /** The union of the targets' selectors where one selector expresses it, else the first target's. */
    private Optional<Map<String, String>> targets(Cursor list) {
        return list.items().flatMap(items -> {
            if (items.isEmpty()) {
                return checked(list, Map.of());
            }
            List<Optional<Map<String, String>>> selectors = items.stream().map(this::target).toList();
            if (selectors.stream().anyMatch(Optional::isEmpty)) {
                return Optional.empty();
            }
            int chosen = selectors.indexOf(Optional.of(Map.<String, String>of()));
            int at = chosen >= 0 ? chosen : 0;
            Cursor where = ManifestMapping.of(items.get(at)).flatMap(t -> t.get("clusterSelector")).orElseThrow();
            return checked(where, selectors.get(at).orElseThrow());
        });
    }

    private Optional<Map<String, String>> target(Cursor item) {
        return ManifestMapping.of(item).flatMap(target -> {
            List<String> unsupported = Stream.of("clusterName", "clusterGroup", "clusterGroupSelector")
                    .filter(k -> target.get(k).isPresent()).toList();
            if (!unsupported.isEmpty()) {
                item.problem("only clusterSelector targets are supported, found " + String.join(", ", unsupported));
                return Optional.empty();
            }
            return target.require("clusterSelector").flatMap(ManifestMapping::of).flatMap(this::labelSelector);
        });
    }
    /** The {@code key} selector of {@code owner} (absent: every spoke), checked against the spokes. */
    private Optional<Map<String, String>> selector(ManifestMapping owner, String key) {
        Optional<Cursor> given = owner.get(key);
        if (given.isEmpty()) {
            return checked(owner.self(), Map.of());
        }
        return ManifestMapping.of(given.get()).flatMap(this::labelSelector).flatMap(s -> checked(given.get(), s));
    }

    /** The {@code matchLabels} of a label selector; {@code matchExpressions} are refused. */
    private Optional<Map<String, String>> labelSelector(ManifestMapping selector) {
        Optional<Cursor> expressions = selector.get("matchExpressions");
        if (expressions.isPresent()) {
            expressions.get().problem("set-based selectors are not supported (the embedded API server ignores them"
                    + " too); use matchLabels");
            return Optional.empty();
        }
        return selector.get("matchLabels").map(TopologyBinder::labels).orElse(Optional.of(Map.of()));
    }

    private Optional<Map<String, String>> checked(Cursor at, Map<String, String> selector) {
        return spokes.isEmpty() || spokes.get().check(at, selector) ? Optional.of(selector) : Optional.empty();
    }

    /** A path inside the repository that exists there (a directory or a file). */
    private Optional<String> path(Cursor value) {
        return value.text().filter(text -> repository.isEmpty() || inRepository(value, repository.get(), text));
    }

    private static boolean inRepository(Cursor at, Path repository, String text) {
        Path resolved = repository.resolve(text).normalize();
        if (!resolved.startsWith(repository)) {
            at.problem("'" + text + "' is outside the repository " + repository);
            return false;
        }
        if (!Files.exists(resolved)) {
            at.problem("'" + text + "' does not exist in the repository " + repository);
            return false;
        }
        return true;
    }

    private static boolean nonEmpty(Cursor at, List<?> list) {
        if (list.isEmpty()) {
            at.problem("must name at least one path");
        }
        return !list.isEmpty();
    }
}
