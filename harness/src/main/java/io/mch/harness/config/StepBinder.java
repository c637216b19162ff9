package io.mch.harness.config;

import io.mch.harness.config.Step.CommitOp;
import io.mch.harness.config.SyncSpec.Application;
import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.config.Topology.FabricSpec;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Fields;
import io.mch.harness.input.Names;
import io.mch.harness.input.Quantities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Binds a scenario's {@code steps:} list against the (overrides-merged) topology, so that a step
 * the fabric could not carry out as written is refused before anything starts: a step needs the
 * fabric section that performs it ({@code commit}, {@code sync}, {@code drift}, {@code federate}:
 * {@code fabric.sync}; {@code connect}: {@code fabric.mesh}; {@code replicate}:
 * {@code fabric.replication}; {@code failover}: {@code fabric.global-load-balancer}), and names
 * clusters, applications and replications that exist. Commits are checked against the
 * repository as it will be when they happen: in time order (list order for equal times), a file
 * added by an earlier step can be changed by a later one, and a deleted one cannot be changed.
 * When the topology or the duration are invalid, the checks that need them are skipped.
 */
final class StepBinder {

    static final List<String> TYPES = List.of("commit", "drift", "federate", "connect", "replicate", "failover", "sync");
    static final String DEFAULT_NAMESPACE = "default";
    private static final int MAX_LISTING_DEPTH = 8;

    private final Optional<List<ClusterSpec>> clusters;
    private final Optional<Topology> topology;
    private final Optional<Duration> scenarioDuration;
    private final List<PendingCommit> commits = new ArrayList<>();

    /** A commit whose fields are valid, to be checked against the repository in time order. */
    private record PendingCommit(Duration at, int index, CommitOp op, String file, Path directory, Cursor fileAt,
            String application) {}

    StepBinder(TopologyBinder.Result topology, Optional<Duration> scenarioDuration) {
        this.clusters = topology.clusters();
        this.topology = topology.topology();
        this.scenarioDuration = scenarioDuration;
    }

    /** Binds the whole list (one binder per list: commits are checked across its items). */
    Optional<List<Step.Scheduled>> bind(Cursor list) {
        int before = list.problems().count();
        Optional<List<Step.Scheduled>> steps = list.items().map(items -> {
            List<Step.Scheduled> bound = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                item(items.get(i), i).ifPresent(bound::add);
            }
            return bound;
        });
        checkCommits();
        return list.problems().count() > before ? Optional.empty() : steps;
    }

    private Optional<Step.Scheduled> item(Cursor item, int index) {
        List<String> allowed = new ArrayList<>(List.of("at"));
        allowed.addAll(TYPES);
        return item.fields(allowed).flatMap(f -> {
            Optional<Duration> at = f.required("at",
                    c -> c.duration().filter(a -> LoadBinder.startsInRun(c, a, scenarioDuration)));
            List<String> types = TYPES.stream().filter(f::has).toList();
            if (types.size() != 1) {
                item.problem(types.isEmpty()
                        ? "no step type; give exactly one of " + String.join(", ", TYPES)
                        : "more than one step type (" + String.join(", ", types) + "); give each its own list item");
                return Optional.empty();
            }
            String type = types.get(0);
            Cursor body = f.get(type).orElseThrow();
            Optional<Step> step = switch (type) {
                case "commit" -> commit(body, type, at, index).map(Step.class::cast);
                case "sync" -> commit(body, type, at, index).map(Step.Sync::new);
                case "drift" -> drift(body);
                case "federate" -> federate(body);
                case "connect" -> connect(body);
                case "replicate" -> replicate(body);
                case "failover" -> failover(body);
                default -> throw new IllegalStateException(type);
            };
            return at.flatMap(a -> step.map(s -> new Step.Scheduled(index, a, s)));
        });
    }


    /**
     * The fabric section {@code type} needs, with a problem if the topology has none; empty without
     * a problem when the topology is invalid.
     */
    private <T> Optional<T> needs(Cursor body, String type, String section, Function<FabricSpec, Optional<T>> get) {
        return topology.flatMap(t -> {
            Optional<T> value = get.apply(t.fabric());
            if (value.isEmpty()) {
                body.problem("'" + type + "' needs fabric." + section + ", but topology '" + t.name() + "' has none");
            }
            return value;
        });
    }

    private Optional<Step.Commit> commit(Cursor body, String type, Optional<Duration> at, int index) {
        return body.fields(List.of("application", "add", "change", "delete", "manifest")).flatMap(f -> {
            Optional<SyncSpec> sync = needs(body, type, "sync", FabricSpec::sync);
            Optional<Application> application =
                    f.required("application", c -> c.text().flatMap(name -> sync.flatMap(s -> application(c, name, s))));
            List<String> ops = Stream.of(CommitOp.values()).map(o -> o.name().toLowerCase(Locale.ROOT)).filter(f::has).toList();
            if (ops.size() != 1) {
                body.problem(ops.isEmpty()
                        ? "no change; give exactly one of add, change, delete (a file of the application's directory)"
                        : "more than one change (" + String.join(", ", ops) + "); give each its own step");
            }
            Optional<CommitOp> op = ops.size() == 1
                    ? Optional.of(CommitOp.valueOf(ops.get(0).toUpperCase(Locale.ROOT)))
                    : Optional.empty();
            Optional<Cursor> fileAt = op.flatMap(o -> f.get(o.name().toLowerCase(Locale.ROOT)));
            Optional<String> file = fileAt.flatMap(Cursor::text);
            Optional<Optional<Map<String, Object>>> manifest = manifest(f, op);
            Optional<Path> directory = application.flatMap(a -> directory(f.get("application").orElseThrow(), sync.get(), a));
            if (application.isEmpty() || op.isEmpty() || file.isEmpty() || manifest.isEmpty() || directory.isEmpty()
                    || !inside(fileAt.get(), directory.get(), file.get(), application.get().name())) {
                return Optional.empty();
            }
            at.ifPresent(a -> commits.add(new PendingCommit(a, index, op.get(), file.get(), directory.get(),
                    fileAt.get(), application.get().name())));
            return Optional.of(new Step.Commit(application.get().name(), op.get(), file.get(), manifest.get()));
        });
    }

    private static Optional<Application> application(Cursor at, String name, SyncSpec sync) {
        List<String> names = sync.applications().stream().map(Application::name).toList();
        Optional<Application> found = sync.applications().stream().filter(a -> a.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            at.problem("unknown application '" + name + "'; applications are "
                    + (names.isEmpty() ? "(none)" : String.join(", ", names)) + Names.hint(name, names));
        }
        return found;
    }

    /** The manifest an add or change needs and a delete must not have. */
    private static Optional<Optional<Map<String, Object>>> manifest(Fields f, Optional<CommitOp> op) {
        if (op.isEmpty()) {
            f.get("manifest").ifPresent(ManifestMapping::object);
            return Optional.empty();
        }
        if (op.get() == CommitOp.DELETE) {
            f.get("manifest").ifPresent(c -> c.problem("a delete takes no manifest"));
            return f.has("manifest") ? Optional.empty() : Optional.of(Optional.empty());
        }
        return f.required("manifest", ManifestMapping::object)
                .filter(m -> DeliveredBalancerResources.committable(f.get("manifest").orElseThrow())).map(Optional::of);
    }

    /**
     * The application's first path, which a commit's file is relative to (a directory: the readers
     * refuse anything else); a path that differs per cluster has no one directory to commit to.
     */
    private static Optional<Path> directory(Cursor at, SyncSpec sync, Application application) {
        if (ClusterParameters.templated(application.paths().get(0))) {
            at.problem("application '" + application.name() + "' has a path per cluster ('" + application.paths().get(0)
                    + "'); mch does not model commits to it");
            return Optional.empty();
        }
        return Optional.of(sync.repository().resolve(application.paths().get(0)).normalize());
    }

    private static boolean inside(Cursor at, Path directory, String file, String application) {
        Path path = directory.resolve(file).normalize();
        if (!path.startsWith(directory) || path.equals(directory)) {
            at.problem("'" + file + "' is not a file inside the directory of application '" + application + "' ("
                    + directory + ")");
            return false;
        }
        return true;
    }

    /** Replays the commits in time order over the repository's files, reporting impossible ones. */
    private void checkCommits() {
        Map<Path, Boolean> exists = new HashMap<>();
        commits.stream().sorted(Comparator.comparing(PendingCommit::at).thenComparingInt(PendingCommit::index))
                .forEach(c -> {
                    Path path = c.directory().resolve(c.file()).normalize();
                    boolean present = exists.computeIfAbsent(path, Files::isRegularFile);
                    if (c.op() == CommitOp.ADD && present) {
                        c.fileAt().problem("'" + c.file() + "' already exists in application '" + c.application()
                                + "' (" + c.directory() + ") at " + Quantities.format(c.at()) + "; use change");
                    } else if (c.op() != CommitOp.ADD && !present) {
                        List<String> files = files(c.directory(), exists);
                        c.fileAt().problem("'" + c.file() + "' does not exist in application '" + c.application()
                                + "' (" + c.directory() + ") at " + Quantities.format(c.at()) + "; files are "
                                + (files.isEmpty() ? "(none)" : String.join(", ", files)) + Names.hint(c.file(), files));
                    } else {
                        exists.put(path, c.op() != CommitOp.DELETE);
                    }
                });
    }

    /** The files under {@code directory} (relative, '/'-separated) once the earlier commits are applied. */
    private static List<String> files(Path directory, Map<Path, Boolean> changed) {
        TreeSet<Path> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(directory, MAX_LISTING_DEPTH)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed.forEach((path, present) -> {
            if (path.startsWith(directory)) {
                if (present) {
                    files.add(path);
                } else {
                    files.remove(path);
                }
            }
        });
        return files.stream().map(p -> directory.relativize(p).toString().replace('\\', '/')).collect(Collectors.toList());
    }

    private Optional<Step> drift(Cursor body) {
        return body.fields(List.of("cluster", "object", "patch", "delete")).flatMap(f -> {
            Optional<SyncSpec> sync = needs(body, "drift", "sync", FabricSpec::sync);
            Optional<String> cluster = f.required("cluster", this::cluster);
            Optional<String[]> object = f.required("object", StepBinder::object);
            Optional<Optional<Map<String, Object>>> patch = Optional.empty();
            boolean delete = false;
            if (f.has("patch") == f.has("delete")) {
                body.problem(f.has("patch")
                        ? "give either patch or delete: true, not both"
                        : "nothing to drift; give patch (merged into the live object) or delete: true");
            } else if (f.has("patch")) {
                patch = f.get("patch").flatMap(ManifestMapping::of).flatMap(ManifestMapping::values).map(Optional::of);
            } else {
                Cursor deleteAt = f.get("delete").orElseThrow();
                delete = ManifestMapping.bool(deleteAt).orElse(false);
                if (delete) {
                    patch = Optional.of(Optional.empty());
                } else {
                    deleteAt.problem("must be true; to change the object, give patch");
                }
            }
            if (sync.isEmpty() || cluster.isEmpty() || object.isEmpty() || patch.isEmpty()) {
                return Optional.empty();
            }
            String[] o = object.get();
            return Optional.of(new Step.Drift(cluster.get(), o[0], o[1], o[2], patch.get(), delete));
        });
    }

    /** {@code Kind/name} or {@code Kind/namespace/name} as {kind, namespace, name}. */
    private static Optional<String[]> object(Cursor value) {
        return value.text().flatMap(text -> {
            String[] parts = text.split("/", -1);
            if ((parts.length != 2 && parts.length != 3) || Stream.of(parts).anyMatch(String::isBlank)) {
                value.problem("expected Kind/name or Kind/namespace/name, found '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(parts.length == 2
                    ? new String[] {parts[0], DEFAULT_NAMESPACE, parts[1]}
                    : parts);
        });
    }

    private Optional<Step> federate(Cursor body) {
        return body.fields(List.of("cluster")).flatMap(f -> {
            Optional<SyncSpec> sync = needs(body, "federate", "sync", FabricSpec::sync);
            Optional<String> cluster = f.required("cluster", c -> cluster(c).filter(name -> {
                boolean hub = sync.isPresent() && sync.get().hub().equals(name);
                if (hub) {
                    c.problem("'" + name + "' is the hub of fabric.sync; federate joins another cluster to it");
                }
                return !hub;
            }));
            return sync.flatMap(s -> cluster).map(Step.Federate::new);
        });
    }

    private Optional<Step> connect(Cursor body) {
        return body.fields(List.of("cluster")).flatMap(f -> {
            Optional<MeshSpec> mesh = needs(body, "connect", "mesh", FabricSpec::mesh);
            Optional<String> cluster = f.required("cluster", this::cluster);
            return mesh.flatMap(m -> cluster).map(Step.Connect::new);
        });
    }

    private Optional<Step> replicate(Cursor body) {
        return body.fields(List.of("from", "to")).flatMap(f -> {
            Optional<ReplicationSpec> replication = needs(body, "replicate", "replication", FabricSpec::replication);
            Optional<String> from = f.required("from", this::cluster);
            Optional<String> to = f.required("to", this::cluster);
            if (replication.isEmpty() || from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            List<String> pairs = pairs(replication.get());
            String pair = from.get() + " -> " + to.get();
            if (pairs.stream().noneMatch(p -> p.startsWith(pair + " ("))) {
                body.problem("no replication from '" + from.get() + "' to '" + to.get() + "'; fabric.replication has "
                        + String.join(", ", pairs));
                return Optional.empty();
            }
            return Optional.of(new Step.Replicate(from.get(), to.get()));
        });
    }

    /** {@code us-east -> eu-west (backup)}, {@code us-east -> ap-south (objects)}, ... */
    private static List<String> pairs(ReplicationSpec replication) {
        List<String> pairs = new ArrayList<>();
        replication.backup().ifPresent(b -> pairs.add(b.from() + " -> " + b.restoreTo() + " (backup)"));
        replication.objects().forEach(o -> o.to().forEach(to -> pairs.add(o.from() + " -> " + to + " (objects)")));
        return pairs;
    }

    private Optional<Step> failover(Cursor body) {
        return body.fields(List.of("to")).flatMap(f -> {
            Optional<Topology.GlobalLoadBalancerSpec> glb =
                    needs(body, "failover", "global-load-balancer", FabricSpec::globalLoadBalancer);
            Optional<String> to = f.required("to", this::cluster);
            return glb.flatMap(g -> to).map(Step.Failover::new);
        });
    }

    private Optional<String> cluster(Cursor value) {
        return value.text().flatMap(name -> TopologyBinder.knownCluster(value, name, clusters));
    }
}
