package io.mch.harness.config;

import io.mch.harness.config.SyncSpec.Application;
import io.mch.harness.config.SyncSpec.Rendering;
import io.mch.harness.config.SyncSpec.Targets;
import io.mch.harness.input.Cursor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Fleet {@code GitRepo} field by field (docs/fidelity.md has the table): {@code paths}
 * (each a directory scanned into bundles, see {@link FleetBundleReader}), the union of
 * {@code targets} by {@code clusterSelector}, {@code clusterName}, {@code clusterGroup} or
 * {@code clusterGroupSelector} (over the topology's {@link ClusterGroup}s), {@code targetNamespace}
 * (enforced), {@code pollingInterval} (default 15 s) and {@code correctDrift.enabled}. Fleet
 * always deploys without being asked and removes what left the bundle. A GitRepo without targets
 * goes to Fleet's cluster group {@code default}, refused when the topology declares none.
 */
final class GitRepoReader {

    private static final String RESOURCE = "Fleet's GitRepo";
    private static final List<String> CRITERIA = List.of("clusterSelector", "clusterName", "clusterGroup",
            "clusterGroupSelector");
    static final String FLEET_LOCAL = "fleet-local";

    private final GitOpsManifests.Context context;

    GitRepoReader(GitOpsManifests.Context context) {
        this.context = context;
    }

    Optional<Application> read(Path file, Optional<String> name, ManifestMapping metadata, ManifestMapping spec) {
        boolean local = metadata.get("namespace").flatMap(Cursor::text).filter(FLEET_LOCAL::equals).isPresent();
        if (local) {
            metadata.get("namespace").orElseThrow().problem("mch does not model fleet-local (GitRepos that target"
                    + " Fleet's own cluster); put the GitRepo in fleet-default or another workspace");
        }
        boolean known = FieldRules.check(spec, RESOURCE, Set.of("repo", "branch", "revision", "paths", "targets",
                "targetNamespace", "pollingInterval", "correctDrift", "clientSecretName", "helmSecretName",
                "helmSecretNameForPaths", "helmRepoURLRegex", "caBundle", "insecureSkipTLSVerify", "serviceAccount",
                "forceSyncGeneration", "keepResources", "deleteNamespace", "webhookSecret"), Map.of(
                "paused", "paused GitRepos (spec.paused)",
                "disablePolling", "webhook-only GitRepos (spec.disablePolling)",
                "imageScans", "image scans (spec.imageScans)",
                "imageScanInterval", "image scans (spec.imageScanInterval)",
                "imageScanCommit", "image scans (spec.imageScanCommit)",
                "ociRegistry", "OCI storage of bundles (spec.ociRegistry)",
                "bundles", "bundle definitions in the GitRepo (spec.bundles)"));
        Optional<List<Path>> paths = spec.get("paths")
                .map(c -> c.list(p -> p.text().flatMap(t -> context.directory(p))).filter(list -> {
                    if (list.isEmpty()) {
                        c.problem("must name at least one path");
                    }
                    return !list.isEmpty();
                }))
                .orElseGet(() -> context.directory(spec.self(), GitOpsManifests.ROOT).map(List::of));
        boolean bundles = paths.map(ps -> context.repository().isEmpty() || ps.stream().allMatch(p -> new FleetBundleReader(context).check(
                spec.get("paths").orElse(spec.self()), p))).orElse(false);
        Optional<Targets> targets = targets(spec);
        Optional<Optional<String>> forced = spec.get("targetNamespace").map(c -> c.name().map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<Duration> poll = spec.get("pollingInterval").map(c -> c.positive(c.duration()))
                .orElse(Optional.of(SyncSpec.FLEET_POLL));
        Optional<ManifestMapping> drift = spec.mapping("correctDrift");
        boolean driftKnown = drift.map(d -> FieldRules.check(d, RESOURCE, Set.of("enabled", "force", "keepFailHistory"),
                Map.of())).orElse(true);
        Optional<Boolean> selfHeal = drift.map(d -> d.bool("enabled", false)).orElse(Optional.of(false));
        if (local || !known || name.isEmpty() || paths.isEmpty() || !bundles || targets.isEmpty() || forced.isEmpty()
                || poll.isEmpty() || !driftKnown || selfHeal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Application(name.get(), GitOpsManifests.FLEET_KIND, file, targets.get(),
                paths.get().stream().map(context::relative).toList(),
                forced.get().orElse(GitOpsManifests.DEFAULT_NAMESPACE), forced.get().isPresent(),
                selfHeal.get(), true, true, Optional.of(poll.get()), Rendering.RECURSIVE));
    }

    /** The union of the targets; none is Fleet's default cluster group, which mch does not have. */
    private Optional<Targets> targets(ManifestMapping spec) {
        Optional<List<Cursor>> items = spec.get("targets").flatMap(Cursor::items);
        if (spec.get("targets").isPresent() && items.isEmpty()) {
            return Optional.empty();
        }
        if (items.map(List::isEmpty).orElse(true)) {
            Cursor at = spec.get("targets").orElse(spec.self());
            ClusterGroup fallback = context.groups().get(ClusterGroup.DEFAULT);
            if (fallback == null) {
                at.problem("without targets Fleet deploys to the cluster group 'default', and the topology declares"
                        + " none (fabric.sync.cluster-groups); give targets or declare the group");
                return Optional.empty();
            }
            Targets targets = new Targets(List.of(fallback.selector()), false);
            return context.reaches(at, targets) ? Optional.of(targets) : Optional.empty();
        }
        List<LabelSelector> selectors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean complete = true;
        for (Cursor item : items.get()) {
            complete &= target(item, selectors, names);
        }
        if (!complete) {
            return Optional.empty();
        }
        Targets targets = new Targets(selectors, names, false);
        return context.reaches(spec.get("targets").orElseThrow(), targets) ? Optional.of(targets) : Optional.empty();
    }

    private boolean target(Cursor item, List<LabelSelector> selectors, List<String> names) {
        return ManifestMapping.of(item).map(target -> {
            boolean known = FieldRules.check(target, RESOURCE, Set.of("name", "clusterSelector", "clusterName",
                    "clusterGroup", "clusterGroupSelector"), Map.of("doNotDeploy", "targets[].doNotDeploy"));
            Optional<Cursor> selector = target.get("clusterSelector");
            Optional<Cursor> clusterName = target.get("clusterName");
            List<String> criteria = CRITERIA.stream().filter(c -> target.get(c).isPresent()).toList();
            if (known && criteria.size() != 1) {
                item.problem("mch models a target with one of " + String.join(", ", CRITERIA) + ", found "
                        + (criteria.isEmpty() ? "none" : String.join(" and ", criteria)));
                return false;
            }
            if (target.get("clusterGroup").isPresent() || target.get("clusterGroupSelector").isPresent()) {
                return known && groups(target, selectors);
            }
            Optional<LabelSelector> read = selector.map(Selectors::read).orElse(Optional.empty());
            boolean selected = selector.isEmpty() || read.isPresent();
            read.ifPresent(selectors::add);
            Optional<String> named = clusterName.flatMap(c -> c.text().filter(n -> context.named(c, n)));
            named.ifPresent(names::add);
            return known && selected && (clusterName.isEmpty() || named.isPresent());
        }).orElse(false);
    }

    /** A target by cluster group: the group named, or every group whose labels the selector matches. */
    private boolean groups(ManifestMapping target, List<LabelSelector> selectors) {
        Optional<Cursor> named = target.get("clusterGroup");
        if (named.isPresent()) {
            Optional<ClusterGroup> group = named.get().text().map(context.groups()::get);
            if (group.isEmpty()) {
                named.get().problem("no cluster group '" + named.get().text().orElse("") + "' is declared in"
                        + " fabric.sync.cluster-groups" + declared());
                return false;
            }
            selectors.add(group.get().selector());
            return true;
        }
        Cursor at = target.get("clusterGroupSelector").orElseThrow();
        Optional<LabelSelector> selector = Selectors.read(at);
        List<ClusterGroup> matching = selector.map(s -> context.groups().values().stream()
                .filter(g -> s.matches(g.labels())).toList()).orElse(List.of());
        if (selector.isPresent() && matching.isEmpty()) {
            at.problem("selector " + selector.get() + " matches no cluster group" + declared());
        }
        matching.forEach(g -> selectors.add(g.selector()));
        return !matching.isEmpty();
    }

    private String declared() {
        return context.groups().isEmpty() ? "; none is declared"
                : "; declared: " + String.join(", ", context.groups().keySet());
    }
}
