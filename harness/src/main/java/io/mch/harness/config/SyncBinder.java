package io.mch.harness.config;

import io.mch.harness.config.SyncSpec.Policy;
import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.input.Cursor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds {@code fabric.sync} (hub-spoke GitOps). The applications come from the ApplicationSet and
 * GitRepo files it names (read by {@link GitOpsManifests}), so the reconcile timing defaults to
 * the controller those files were written for: Argo CD's 120 s plus up to 60 s jitter when any
 * ApplicationSet is present (also when there are only policies), Fleet's 15 s poll without jitter
 * when every application is a GitRepo. Paths ({@code repository}, {@code applications}, policy
 * {@code manifests}) are relative to the topology file. Applications and policies share one name
 * space, since a policy is reconciled like an application of its name.
 */
final class SyncBinder {

    static final List<String> FIELDS =
            List.of("hub", "repository", "applications", "reconcile-interval", "jitter", "policies", "cluster-groups");

    private final Path base;
    private final Optional<List<ClusterSpec>> clusters;

    private SyncBinder(Path topologyFile, Optional<List<ClusterSpec>> clusters) {
        this.base = topologyFile.toAbsolutePath().getParent();
        this.clusters = clusters;
    }

    static Optional<SyncSpec> bind(Cursor section, Path topologyFile, Optional<List<ClusterSpec>> clusters) {
        return new SyncBinder(topologyFile, clusters).bind(section);
    }

    /** Something with a name in the applications' name space, and where the name was written. */
    private record Named(String name, Cursor at, Path file) {}

    private Optional<SyncSpec> bind(Cursor section) {
        return section.fields(FIELDS).flatMap(f -> {
            Optional<String> hub = f.required("hub", c -> c.name().flatMap(n -> TopologyBinder.knownCluster(c, n, clusters)));
            Optional<Path> repository = f.required("repository", c -> TopologyBinder.existing(c, base, true));
            Optional<Spokes> spokes = Spokes.of(hub, clusters);
            Optional<Map<String, ClusterGroup>> groups = f.optional("cluster-groups", this::groups, Map.of());
            GitOpsManifests manifests = new GitOpsManifests(repository, spokes, groups.orElse(Map.of()));
            int before = section.problems().count();
            List<GitOpsManifests.Read> reads = new ArrayList<>();
            Optional<List<Cursor>> files = f.get("applications").flatMap(Cursor::items);
            files.ifPresent(items -> items.forEach(item -> TopologyBinder.existing(item, base, false)
                    .ifPresent(file -> reads.addAll(manifests.read(file, item.problems())))));
            List<Named> names = new ArrayList<>();
            reads.forEach(r -> names.add(new Named(r.application().name(), r.name(), r.application().file())));
            Optional<List<Policy>> policies = f.optional("policies", c -> c.list(item -> policy(item, spokes, names)), List.of());
            boolean unique = unique(names);
            boolean noApplications = !f.has("applications") || files.filter(List::isEmpty).isPresent();
            if (noApplications && policies.filter(List::isEmpty).isPresent()) {
                section.problem("nothing to sync; give applications, policies or both");
                return Optional.empty();
            }
            boolean fleetOnly = !reads.isEmpty() && reads.stream()
                    .allMatch(r -> r.application().kind().equals(GitOpsManifests.FLEET_KIND));
            Optional<Duration> interval = f.optional("reconcile-interval", c -> c.positive(c.duration()),
                    fleetOnly ? SyncSpec.FLEET_POLL : SyncSpec.ARGO_RECONCILE);
            Optional<Duration> jitter = f.optional("jitter", Cursor::duration,
                    fleetOnly ? Duration.ZERO : SyncSpec.ARGO_JITTER);
            if (section.problems().count() > before || hub.isEmpty() || repository.isEmpty() || policies.isEmpty()
                    || groups.isEmpty()
                    || !unique || interval.isEmpty() || jitter.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SyncSpec(hub.get(), repository.get(),
                    reads.stream().map(GitOpsManifests.Read::application).toList(),
                    interval.get(), jitter.get(), policies.get()));
        });
    }

    private Optional<Policy> policy(Cursor item, Optional<Spokes> spokes, List<Named> names) {
        return item.fields(List.of("name", "manifests", "selector")).flatMap(f -> {
            Optional<String> name = f.required("name", Cursor::name);
            name.ifPresent(n -> names.add(new Named(n, f.get("name").orElseThrow(), item.problems().file())));
            Optional<List<Path>> manifests = f.required("manifests", c -> c.list(m -> TopologyBinder.existing(m, base, false)
                            .filter(p -> ManifestFiles.objects(p, m.problems()).isPresent()))
                    .filter(list -> {
                        if (list.isEmpty()) {
                            c.problem("must name at least one manifest file");
                        }
                        return !list.isEmpty();
                    }));
            Optional<Map<String, String>> selector = f.get("selector")
                    .map(c -> TopologyBinder.labels(c).filter(s -> spokes.isEmpty() || spokes.get().check(c, s)))
                    .orElseGet(() -> spokes.isEmpty() || spokes.get().check(item, Map.of())
                            ? Optional.of(Map.of())
                            : Optional.empty());
            if (name.isEmpty() || manifests.isEmpty() || selector.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Policy(name.get(), manifests.get(), selector.get()));
        });
    }

    /** Fleet cluster groups by name: {@code name}, {@code selector} (labels a spoke must have), {@code labels}. */
    private Optional<Map<String, ClusterGroup>> groups(Cursor list) {
        return list.list(item -> item.fields(List.of("name", "selector", "labels")).flatMap(f -> {
            Optional<String> name = f.required("name", Cursor::name);
            Optional<Map<String, String>> selector = f.optional("selector", TopologyBinder::labels, Map.of());
            Optional<Map<String, String>> labels = f.optional("labels", TopologyBinder::labels, Map.of());
            if (name.isEmpty() || selector.isEmpty() || labels.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ClusterGroup(name.get(), LabelSelector.labels(selector.get()), labels.get()));
        })).flatMap(groups -> {
            Map<String, ClusterGroup> byName = new java.util.LinkedHashMap<>();
            for (ClusterGroup group : groups) {
                if (byName.putIfAbsent(group.name(), group) != null) {
                    list.problem("cluster group '" + group.name() + "' is declared twice");
                    return Optional.empty();
                }
            }
            return Optional.of(byName);
        });
    }

    /** Whether no name repeats; each repetition is a problem at the later one. */
    private static boolean unique(List<Named> names) {
        Map<String, Named> first = new HashMap<>();
        boolean unique = true;
        for (Named named : names) {
            Named earlier = first.putIfAbsent(named.name(), named);
            if (earlier != null) {
                named.at().problem("duplicate application name '" + named.name() + "' (also " + earlier.file() + ":"
                        + (earlier.at().node().getStartMark().getLine() + 1) + ")");
                unique = false;
            }
        }
        return unique;
    }
}
