package io.mch.harness.config;

import io.mch.harness.config.ReplicationSpec.Backup;
import io.mch.harness.config.ReplicationSpec.ObjectReplication;
import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Fields;
import io.mch.harness.input.Names;
import io.mch.harness.input.Problems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds {@code fabric.replication}. A {@code backup} is given either by its own keys or by a Velero
 * Schedule manifest ({@code schedule}, read by {@link VeleroSchedule}); either way {@code from} and
 * {@code restore-to} are keys here, since a Schedule does not name clusters. {@code restore}
 * names a Velero Restore manifest ({@link VeleroRestore}); without it, Velero's default restore. The backed-up
 * namespace must be one the workload manifests create or use (or {@code default}): a backup of an
 * empty namespace restores nothing, and the RPO/RTO measured on it would be meaningless.
 *
 * <p>Defaults: {@code backup.every} {@link ReplicationSpec#VELERO_SYNC} (Velero's 60 s);
 * {@code backup.location} {@code backups} in the run directory (a location must stay inside it);
 * {@code objects[].namespace} {@code default}; {@code objects[].kinds} ConfigMap and Secret;
 * {@code objects[].interval} 10 s. A schedule file is relative to the topology file.
 */
final class ReplicationBinder {

    static final List<String> KINDS = List.of("ConfigMap", "Secret");
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    static final String DEFAULT_NAMESPACE = "default";

    private final Path base;
    private final Optional<List<ClusterSpec>> clusters;
    private final Optional<List<Path>> workloadManifests;

    private ReplicationBinder(Path topologyFile, Optional<List<ClusterSpec>> clusters, Optional<List<Path>> workloadManifests) {
        this.base = topologyFile.toAbsolutePath().getParent();
        this.clusters = clusters;
        this.workloadManifests = workloadManifests;
    }

    /** {@code workloadManifests} empty: the workload is invalid, and the namespace check is skipped. */
    static Optional<ReplicationSpec> bind(Cursor section, Path topologyFile, Optional<List<ClusterSpec>> clusters,
            Optional<List<Path>> workloadManifests) {
        return new ReplicationBinder(topologyFile, clusters, workloadManifests).bind(section);
    }

    private Optional<ReplicationSpec> bind(Cursor section) {
        return section.fields(List.of("backup", "objects")).flatMap(f -> {
            Optional<Optional<Backup>> backup = f.get("backup")
                    .map(c -> backup(c).map(Optional::of))
                    .orElse(Optional.of(Optional.empty()));
            Optional<List<ObjectReplication>> objects = f.optional("objects", c -> c.list(this::objects), List.of());
            if (!f.has("backup") && objects.filter(List::isEmpty).isPresent()) {
                section.problem("nothing to replicate; give backup, objects or both");
                return Optional.empty();
            }
            return backup.isPresent() && objects.isPresent()
                    ? Optional.of(new ReplicationSpec(backup.get(), objects.get()))
                    : Optional.empty();
        });
    }

    private Optional<Backup> backup(Cursor section) {
        return section.fields(List.of("from", "namespace", "every", "location", "restore-to", "schedule", "restore"))
                .flatMap(f -> {
            Optional<String> from = f.required("from", this::cluster);
            Optional<String> restoreTo = f.required("restore-to", c -> cluster(c).filter(to -> {
                if (from.isPresent() && to.equals(from.get())) {
                    c.problem("must differ from 'from' (" + to + ")");
                }
                return from.isEmpty() || !to.equals(from.get());
            }));
            Optional<Optional<Path>> location = f.get("location")
                    .map(c -> location(c).map(Optional::of))
                    .orElse(Optional.of(Optional.empty()));
            Optional<VeleroSchedule.Read> schedule = f.has("schedule") ? scheduled(f) : keys(f);
            Optional<ReplicationSpec.Restore> restore = f.get("restore")
                    .map(c -> TopologyBinder.existing(c, base, false).flatMap(file ->
                            VeleroRestore.read(file, c.problems(), schedule.map(VeleroSchedule.Read::name)
                                    .filter(n -> f.has("schedule")), this::namespaceExists)))
                    .orElse(Optional.of(VeleroRestore.defaults()));
            if (from.isEmpty() || restoreTo.isEmpty() || location.isEmpty() || schedule.isEmpty() || restore.isEmpty()) {
                return Optional.empty();
            }
            Optional<Path> file = f.get("schedule").map(c -> base.resolve(c.text().orElseThrow()).normalize());
            VeleroSchedule.Read read = schedule.get();
            return Optional.of(new Backup(from.get(), read.cadence(), read.selection(), read.ttl(),
                    location.get(), restoreTo.get(), restore.get(), file));
        });
    }

    /**
     * What the Velero Schedule file says. An {@code every} beside it wins over the schedule's
     * times (a scenario's override shortens the fixture's schedule for a short run; paused and
     * skipImmediately stay); a {@code namespace} beside it is refused, since it would back up
     * something else.
     */
    private Optional<VeleroSchedule.Read> scheduled(Fields f) {
        Cursor schedule = f.get("schedule").orElseThrow();
        f.get("namespace").ifPresent(n -> n.problem("given by the schedule; remove either this or 'schedule'"));
        Optional<Optional<Duration>> every = f.get("every")
                .map(c -> c.positive(c.duration()).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        BiPredicate<Cursor, String> known = this::namespaceExists;
        Optional<VeleroSchedule.Read> read = TopologyBinder.existing(schedule, base, false)
                .flatMap(file -> VeleroSchedule.read(file, schedule.problems(), known));
        if (f.has("namespace") || every.isEmpty()) {
            return Optional.empty();
        }
        return read.map(r -> every.get().map(d -> new VeleroSchedule.Read(r.name(), r.cadence().withEvery(d),
                r.selection(), r.ttl())).orElse(r));
    }

    /** mch's own keys: one namespace, every {@code every}, Velero's defaults otherwise. */
    private Optional<VeleroSchedule.Read> keys(Fields f) {
        Optional<String> namespace = f.required("namespace", c -> c.name().filter(n -> namespaceExists(c, n)));
        Optional<Duration> every = f.optional("every", c -> c.positive(c.duration()), ReplicationSpec.VELERO_SYNC);
        return namespace.isPresent() && every.isPresent()
                ? Optional.of(new VeleroSchedule.Read("", BackupCadence.every(every.get()),
                        ResourceSelection.onlyNamespace(namespace.get()), VeleroSchedule.DEFAULT_TTL))
                : Optional.empty();
    }

    private boolean namespaceExists(Cursor at, String namespace) {
        if (workloadManifests.isEmpty()) {
            return true;
        }
        Optional<Set<String>> known = namespaces(workloadManifests.get(), at.problems());
        if (known.isPresent() && !known.get().contains(namespace)) {
            at.problem("namespace '" + namespace + "' does not exist in the workload manifests (namespaces: "
                    + String.join(", ", known.get()) + ")" + Names.hint(namespace, known.get()));
            return false;
        }
        return known.isPresent();
    }

    /**
     * {@code default} and every namespace the manifests create (a Namespace object) or put objects
     * in ({@code metadata.namespace}). Only YAML errors are reported here; the manifests' content
     * is judged when they are applied, so their structure is read without complaint.
     */
    private static Optional<Set<String>> namespaces(List<Path> manifests, Problems problems) {
        Set<String> namespaces = new TreeSet<>(Set.of(DEFAULT_NAMESPACE));
        for (Path file : manifests) {
            Optional<List<Node>> documents = YamlFiles.readAll(file, problems.about(file));
            if (documents.isEmpty()) {
                return Optional.empty();
            }
            Problems ignored = new Problems(file);
            for (Node document : documents.get()) {
                Optional<ManifestMapping> object = ManifestMapping.of(new Cursor(document, "", ignored));
                Optional<ManifestMapping> metadata = object.flatMap(o -> o.mapping("metadata"));
                metadata.flatMap(md -> md.get("namespace")).flatMap(Cursor::text).ifPresent(namespaces::add);
                boolean isNamespace = object.flatMap(o -> o.get("kind")).flatMap(Cursor::text)
                        .filter("Namespace"::equals).isPresent();
                if (isNamespace) {
                    metadata.flatMap(md -> md.get("name")).flatMap(Cursor::text).ifPresent(namespaces::add);
                }
            }
        }
        return Optional.of(namespaces);
    }

    /**
     * A directory inside the run directory, relative to it: a scenario file never makes a run write
     * elsewhere (a location outside is given on the command line, {@code --backup-location}).
     */
    private static Optional<Path> location(Cursor value) {
        return value.text().flatMap(text -> {
            Path path;
            try {
                path = Path.of(text).normalize();
            } catch (InvalidPathException e) {
                value.problem("not a path");
                return Optional.empty();
            }
            if (path.isAbsolute() || path.startsWith("..") || path.toString().isEmpty()) {
                value.problem("must be a folder inside the run directory, relative to it; a location elsewhere"
                        + " is given on the command line (mch run --backup-location DIR)");
                return Optional.empty();
            }
            return Optional.of(path);
        });
    }

    private Optional<ObjectReplication> objects(Cursor item) {
        return item.fields(List.of("from", "to", "namespace", "kinds", "interval")).flatMap(f -> {
            Optional<String> from = f.required("from", this::cluster);
            Optional<List<String>> to = f.required("to", c -> targets(c, from));
            Optional<String> namespace = f.optional("namespace", Cursor::name, DEFAULT_NAMESPACE);
            Optional<List<String>> kinds = f.optional("kinds", ReplicationBinder::kinds, KINDS);
            Optional<Duration> interval = f.optional("interval", c -> c.positive(c.duration()),
                    DEFAULT_INTERVAL);
            if (from.isEmpty() || to.isEmpty() || namespace.isEmpty() || kinds.isEmpty() || interval.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ObjectReplication(from.get(), to.get(), namespace.get(), kinds.get(), interval.get()));
        });
    }

    /** At least one cluster, none twice, and not the source. */
    private Optional<List<String>> targets(Cursor list, Optional<String> from) {
        return distinct(list, item -> cluster(item).filter(to -> {
            if (from.isPresent() && to.equals(from.get())) {
                item.problem("'" + to + "' is the source ('from'); replicate to other clusters");
                return false;
            }
            return true;
        }), "cluster");
    }

    private static Optional<List<String>> kinds(Cursor list) {
        return distinct(list, item -> item.text().filter(kind -> {
            if (!KINDS.contains(kind)) {
                item.problem("'" + kind + "' is not one of " + String.join(", ", KINDS) + Names.hint(kind, KINDS));
            }
            return KINDS.contains(kind);
        }), "kind");
    }

    /** A non-empty list of values read with {@code read}, none twice; empty if any item failed. */
    private static Optional<List<String>> distinct(Cursor list, Function<Cursor, Optional<String>> read, String what) {
        return list.items().flatMap(items -> {
            if (items.isEmpty()) {
                list.problem("must name at least one " + what);
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            boolean complete = true;
            for (Cursor item : items) {
                Optional<String> value = read.apply(item).filter(v -> {
                    if (values.contains(v)) {
                        item.problem("'" + v + "' is listed twice");
                    }
                    return !values.contains(v);
                });
                value.ifPresent(values::add);
                complete &= value.isPresent();
            }
            return complete ? Optional.of(values) : Optional.empty();
        });
    }

    private Optional<String> cluster(Cursor value) {
        return value.name().flatMap(name -> TopologyBinder.knownCluster(value, name, clusters));
    }
}
