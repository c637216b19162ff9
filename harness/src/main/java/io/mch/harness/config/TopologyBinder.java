package io.mch.harness.config;

import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.config.Topology.FabricSpec;
import io.mch.harness.config.Topology.GlobalLoadBalancerSpec;
import io.mch.harness.config.Topology.HealthCheck;
import io.mch.harness.config.Topology.KubernetesTimings;
import io.mch.harness.config.Topology.LbPolicy;
import io.mch.harness.config.Topology.NetworkSpec;
import io.mch.harness.config.Topology.RegionLatency;
import io.mch.harness.config.Topology.Role;
import io.mch.harness.config.Topology.Views;
import io.mch.harness.config.Topology.WorkloadSpec;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Fields;
import io.mch.harness.input.InputFiles;
import io.mch.harness.input.Names;
import io.mch.harness.input.Problems;
import io.mch.harness.input.Quantities;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds a topology node tree (a fixture, possibly with a scenario's overrides merged in) to a
 * {@link Topology}, recording every problem. Defaults are listed on {@link TopologyLoader}.
 */
final class TopologyBinder {

    static final List<String> ENDPOINTS = List.of("clients", "global-load-balancer");
    static final int DEFAULT_NODES = 3;
    /** Kubernetes' tested limit ("Considerations for large clusters": at most 5,000 nodes), for the whole fleet. */
    static final int MAX_NODES = 5_000;
    /** The embedded backend gives each cluster a loopback address 127.0.N.1, N at most 255. */
    static final int MAX_CLUSTERS = 255;
    /** Route 53's health-check FailureThreshold range (1 to 10). */
    static final int MAX_FAILURE_THRESHOLD = 10;
    /** Route 53's weighted-routing range (0 to 255); 0 takes a cluster out of rotation. */
    static final int MAX_WEIGHT = 255;
    static final KubernetesTimings DEFAULT_KUBERNETES =
            new KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(300));
    static final HealthCheck DEFAULT_HEALTH_CHECK = new HealthCheck(Duration.ofSeconds(5), Duration.ofSeconds(1), 3);
    static final Duration DEFAULT_DNS_TTL = Duration.ofSeconds(30);
    static final List<String> FABRIC_SECTIONS = List.of("global-load-balancer", "sync", "mesh", "replication");

    /** The topology if fully valid; the clusters alone if at least they are, for scenario checks. */
    record Result(Optional<Topology> topology, Optional<List<ClusterSpec>> clusters) {}

    private final Path file;
    private final Problems problems;
    private final TimeScale scale;

    private TopologyBinder(Path file, Problems problems, TimeScale scale) {
        this.file = file;
        this.problems = problems;
        this.scale = scale;
    }

    static Result bind(Path file, Node root, Problems problems) {
        return bind(file, root, problems, TimeScale.REAL);
    }

    /** As above, for a run at {@code scale}: its timers must still be a wall millisecond or more. */
    static Result bind(Path file, Node root, Problems problems, TimeScale scale) {
        return new TopologyBinder(file, problems, scale).bind(new Cursor(root, "", problems));
    }

    private Result bind(Cursor root) {
        int before = problems.count();
        Optional<Fields> fields =
                root.fields(List.of("name", "clusters", "network", "kubernetes", "fabric", "workload"));
        if (fields.isEmpty()) {
            return new Result(Optional.empty(), Optional.empty());
        }
        Fields top = fields.get();
        Optional<String> name = top.required("name", Cursor::name);
        Optional<List<ClusterSpec>> clusters = top.required("clusters", this::clusters);
        Optional<NetworkSpec> network = top.get("network")
                .map(c -> network(c, clusters))
                .orElseGet(() -> clusters.map(cs -> new NetworkSpec(List.of(), cs.get(0).region())));
        Optional<KubernetesTimings> kubernetes =
                top.optional("kubernetes", TopologyBinder::kubernetes, DEFAULT_KUBERNETES);
        int beforeWorkload = problems.count();
        Optional<WorkloadSpec> workload = top.optional("workload", this::workload, new WorkloadSpec(List.of(), ""));
        Optional<FabricSpec> fabric =
                top.optional("fabric", c -> fabric(c, clusters, workload), new FabricSpec(Optional.empty()));
        // The load balancer's resources are read from manifests already found sound, so that no
        // problem of theirs is reported twice.
        if (fabric.isPresent() && workload.isPresent() && clusters.isPresent() && problems.count() == beforeWorkload) {
            fabric = BalancerResources.configure(fabric.get(), top.get("fabric").flatMap(Cursor::entries)
                    .map(sections -> sections.get("global-load-balancer")), workload.get(), clusters.get(), problems);
        }
        if (problems.count() > before) {
            return new Result(Optional.empty(), clusters);
        }
        return new Result(Optional.of(new Topology(file, name.orElseThrow(), clusters.orElseThrow(),
                network.orElseThrow(), kubernetes.orElseThrow(), fabric.orElseThrow(), workload.orElseThrow())),
                clusters);
    }

    private Optional<List<ClusterSpec>> clusters(Cursor list) {
        Optional<List<ClusterSpec>> clusters = list.list(TopologyBinder::cluster);
        if (clusters.isEmpty()) {
            return clusters;
        }
        if (clusters.get().isEmpty()) {
            list.problem("must list at least one cluster");
            return Optional.empty();
        }
        if (clusters.get().size() > MAX_CLUSTERS) {
            list.problem("must list at most " + MAX_CLUSTERS + " clusters, found " + clusters.get().size());
            return Optional.empty();
        }
        int nodes = clusters.get().stream().mapToInt(ClusterSpec::nodes).sum();
        if (nodes > MAX_NODES) {
            list.problem("the clusters have " + nodes + " nodes in all; at most " + MAX_NODES);
            return Optional.empty();
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        boolean unique = true;
        List<Cursor> items = list.items().orElseThrow();
        for (int i = 0; i < clusters.get().size(); i++) {
            String name = clusters.get().get(i).name();
            Integer first = firstIndex.putIfAbsent(name, i);
            if (first != null) {
                items.get(i).problem("duplicate cluster name '" + name + "' (also clusters[" + first + "])");
                unique = false;
            }
            if (ENDPOINTS.contains(name)) {
                items.get(i).problem("'" + name + "' is reserved for an endpoint; choose another cluster name");
                unique = false;
            }
        }
        return unique ? clusters : Optional.empty();
    }

    private static Optional<ClusterSpec> cluster(Cursor item) {
        return item.fields(List.of("name", "region", "role", "nodes", "labels", "context")).flatMap(f -> {
            Optional<String> name = f.required("name", Cursor::name);
            Optional<String> region = f.required("region", Cursor::name);
            Optional<Role> role = f.required("role", c -> c.choice(Role.class));
            Optional<Integer> nodes = f.optional("nodes",
                    c -> c.within(c.integer(), 1, MAX_NODES, String::valueOf), DEFAULT_NODES);
            Optional<Map<String, String>> labels = f.optional("labels", TopologyBinder::labels, Map.of());
            Optional<Optional<String>> context = f.get("context")
                    .map(c -> c.text().map(Optional::of))
                    .orElse(Optional.of(Optional.empty()));
            if (name.isEmpty() || region.isEmpty() || role.isEmpty() || nodes.isEmpty() || labels.isEmpty()
                    || context.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ClusterSpec(
                    name.get(), region.get(), role.get(), nodes.get(), labels.get(), context.get()));
        });
    }

    static Optional<Map<String, String>> labels(Cursor section) {
        return section.entries().flatMap(entries -> collect(entries, (key, value) -> value.text()));
    }

    /** Every entry read with {@code read}; empty if any failed. */
    private static <T> Optional<Map<String, T>> collect(
            Map<String, Cursor> entries, BiFunction<String, Cursor, Optional<T>> read) {
        Map<String, T> values = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, Cursor> entry : entries.entrySet()) {
            Optional<T> value = read.apply(entry.getKey(), entry.getValue());
            value.ifPresent(v -> values.put(entry.getKey(), v));
            complete &= value.isPresent();
        }
        return complete ? Optional.of(values) : Optional.empty();
    }

    private static Optional<NetworkSpec> network(Cursor section, Optional<List<ClusterSpec>> clusters) {
        Optional<Set<String>> regions = clusters.map(cs -> {
            Set<String> set = new LinkedHashSet<>();
            cs.forEach(c -> set.add(c.region()));
            return set;
        });
        return section.fields(List.of("latency", "clients")).flatMap(f -> {
            Optional<List<RegionLatency>> latency =
                    f.optional("latency", c -> c.list(item -> regionLatency(item, regions)), List.of());
            Optional<String> firstRegion = clusters.map(cs -> cs.get(0).region());
            Optional<String> clientsRegion =
                    f.get("clients").map(c -> clientsRegion(c, regions, firstRegion)).orElse(firstRegion);
            return latency.isPresent() && clientsRegion.isPresent()
                    ? Optional.of(new NetworkSpec(latency.get(), clientsRegion.get()))
                    : Optional.empty();
        });
    }

    private static Optional<String> clientsRegion(
            Cursor section, Optional<Set<String>> regions, Optional<String> firstRegion) {
        return section.fields(List.of("region")).flatMap(f -> f.get("region")
                .map(r -> r.text().flatMap(t -> knownRegion(r, t, regions)))
                .orElse(firstRegion));
    }

    private static Optional<RegionLatency> regionLatency(Cursor item, Optional<Set<String>> regions) {
        return item.fields(List.of("between", "rtt", "jitter")).flatMap(f -> {
            Optional<List<String>> between = f.required("between", c -> c.list(r -> r.text()
                    .flatMap(t -> knownRegion(r, t, regions))).filter(pair -> {
                        if (pair.size() != 2) {
                            c.problem("must name exactly two regions, found " + pair.size());
                        }
                        return pair.size() == 2;
                    }));
            Optional<Duration> rtt = f.required("rtt", Cursor::duration);
            Optional<Duration> jitter = f.optional("jitter", Cursor::duration, Duration.ZERO);
            if (between.isEmpty() || rtt.isEmpty() || jitter.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RegionLatency(between.get().get(0), between.get().get(1), rtt.get(), jitter.get()));
        });
    }

    /** {@code region} if the topology's clusters are known and one of them is in it. */
    private static Optional<String> knownRegion(Cursor at, String region, Optional<Set<String>> regions) {
        if (regions.isEmpty()) {
            return Optional.empty();
        }
        if (!regions.get().contains(region)) {
            at.problem("unknown region '" + Names.shown(region) + "'; regions are " + String.join(", ", regions.get())
                    + Names.hint(region, regions.get()));
            return Optional.empty();
        }
        return Optional.of(region);
    }

    private static Optional<KubernetesTimings> kubernetes(Cursor section) {
        return section.fields(List.of("node-monitor-grace-period", "pod-eviction-timeout")).flatMap(f -> {
            Optional<Duration> grace = f.optional("node-monitor-grace-period",
                    c -> c.positive(c.duration()), DEFAULT_KUBERNETES.nodeMonitorGracePeriod());
            Optional<Duration> eviction = f.optional("pod-eviction-timeout",
                    Cursor::duration, DEFAULT_KUBERNETES.podEvictionTimeout());
            return grace.isPresent() && eviction.isPresent()
                    ? Optional.of(new KubernetesTimings(grace.get(), eviction.get()))
                    : Optional.empty();
        });
    }

    private Optional<FabricSpec> fabric(
            Cursor section, Optional<List<ClusterSpec>> clusters, Optional<WorkloadSpec> workload) {
        return section.fields(FABRIC_SECTIONS).flatMap(f -> {
            Optional<Optional<GlobalLoadBalancerSpec>> glb =
                    section(f, "global-load-balancer", c -> globalLoadBalancer(c, clusters));
            Optional<Optional<SyncSpec>> sync = section(f, "sync", c -> SyncBinder.bind(c, file, clusters));
            Optional<Optional<MeshSpec>> mesh = section(f, "mesh", MeshBinder::bind);
            Optional<Optional<ReplicationSpec>> replication = section(f, "replication",
                    c -> ReplicationBinder.bind(c, file, clusters, workload.map(WorkloadSpec::manifests)));
            if (glb.isEmpty() || sync.isEmpty() || mesh.isEmpty() || replication.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FabricSpec(glb.get(), sync.get(), mesh.get(), replication.get()));
        });
    }

    /** An optional section: absent is a valid empty one; present, its binding. */
    private static <T> Optional<Optional<T>> section(Fields f, String key, Function<Cursor, Optional<T>> bind) {
        return f.get(key).map(c -> bind.apply(c).map(Optional::of)).orElse(Optional.of(Optional.empty()));
    }

    private Optional<GlobalLoadBalancerSpec> globalLoadBalancer(
            Cursor section, Optional<List<ClusterSpec>> clusters) {
        return section.fields(List.of("policy", "primary", "health-check", "dns-ttl", "weights", "views",
                "addresses")).flatMap(f -> {
            Optional<LbPolicy> policy = f.optional("policy", c -> c.choice(LbPolicy.class), LbPolicy.FAILOVER);
            Optional<Optional<String>> primary = primary(f, policy, clusters);
            Optional<HealthCheck> healthCheck =
                    f.optional("health-check", this::healthCheck, DEFAULT_HEALTH_CHECK);
            Optional<Duration> dnsTtl = f.optional("dns-ttl", Cursor::duration, DEFAULT_DNS_TTL);
            Optional<Map<String, Integer>> weights =
                    f.optional("weights", c -> weights(c, clusters), Map.of());
            Optional<Views> views = f.optional("views", c -> c.choice(Views.class), Views.SINGLE);
            policy.ifPresent(p -> {
                if (p == LbPolicy.WEIGHTED && !f.has("weights")) {
                    f.missing("weights", "required for policy weighted");
                } else if (p != LbPolicy.WEIGHTED && f.has("weights")) {
                    f.get("weights").orElseThrow().problem("only used by policy weighted");
                }
            });
            if (policy.isEmpty() || primary.isEmpty() || healthCheck.isEmpty() || dnsTtl.isEmpty()
                    || weights.isEmpty() || views.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new GlobalLoadBalancerSpec(
                    policy.get(), primary.get(), healthCheck.get(), dnsTtl.get(), weights.get(), views.get()));
        });
    }

    /** As given; else, for failover, the first active cluster, else the first cluster. */
    private static Optional<Optional<String>> primary(
            Fields f, Optional<LbPolicy> policy, Optional<List<ClusterSpec>> clusters) {
        Optional<Cursor> given = f.get("primary");
        if (given.isPresent()) {
            Cursor c = given.get();
            return c.name().flatMap(name -> knownCluster(c, name, clusters)).map(Optional::of);
        }
        if (policy.isPresent() && policy.get() != LbPolicy.FAILOVER) {
            return Optional.of(Optional.empty());
        }
        return clusters.map(cs -> Optional.of(cs.stream().filter(c -> c.role() == Role.ACTIVE).findFirst()
                .orElse(cs.get(0)).name()));
    }

    private Optional<HealthCheck> healthCheck(Cursor section) {
        return section.fields(List.of("interval", "timeout", "failure-threshold")).flatMap(f -> {
            Optional<Duration> interval =
                    f.optional("interval", this::timer, DEFAULT_HEALTH_CHECK.interval());
            Optional<Duration> timeout =
                    f.optional("timeout", this::timer, DEFAULT_HEALTH_CHECK.timeout());
            Optional<Integer> threshold = f.optional("failure-threshold",
                    c -> c.within(c.integer(), 1, MAX_FAILURE_THRESHOLD, String::valueOf), DEFAULT_HEALTH_CHECK.failureThreshold());
            return interval.isPresent() && timeout.isPresent() && threshold.isPresent()
                    ? Optional.of(new HealthCheck(interval.get(), timeout.get(), threshold.get()))
                    : Optional.empty();
        });
    }

    /**
     * A health-check period or timeout: at most the longest scenario, and at least a wall
     * millisecond at the run's time scale, what the load balancer's scheduler and HTTP client count
     * in: a shorter one is zero, which the scheduler refuses and the client reads as no timeout.
     */
    private Optional<Duration> timer(Cursor value) {
        return value.within(value.positive(value.duration()), Duration.ofMillis(1), Quantities.MAX_DURATION,
                Quantities::format).filter(timer -> {
                    if (scale.wall(timer).toMillis() < 1) {
                        value.problem("shorter than a wall millisecond at --time-scale " + scale.argument()
                                + "; at least " + Quantities.format(Duration.ofNanos((long) Math.ceil(1e6 * scale.factor())))
                                + " at that scale, found " + Quantities.format(timer));
                        return false;
                    }
                    return true;
                });
    }

    private static Optional<Map<String, Integer>> weights(Cursor section, Optional<List<ClusterSpec>> clusters) {
        return section.entries().flatMap(entries -> collect(entries,
                (cluster, weight) -> knownCluster(weight, cluster, clusters)
                        .flatMap(known -> weight.within(weight.integer(), 0, MAX_WEIGHT, String::valueOf))))
                .filter(weights -> {
                    if (weights.values().stream().allMatch(w -> w == 0)) {
                        section.problem("at least one weight must be above 0, or no cluster would be chosen");
                        return false;
                    }
                    return true;
                });
    }

    private Optional<WorkloadSpec> workload(Cursor section) {
        return section.fields(List.of("manifests", "service")).flatMap(f -> {
            Optional<List<Path>> manifests = f.optional("manifests", c -> c.list(this::manifest), List.of());
            Optional<String> service = f.required("service", Cursor::name);
            if (manifests.isPresent() && service.isPresent()) {
                ManifestFiles.checkWorkload(manifests.get(), f.get("service").orElseThrow(), service.get(), problems);
            }
            return manifests.isPresent() && service.isPresent()
                    ? Optional.of(new WorkloadSpec(manifests.get(), service.get()))
                    : Optional.empty();
        });
    }

    private Optional<Path> manifest(Cursor item) {
        return existing(item, file.toAbsolutePath().getParent(), false);
    }

    /**
     * The path written at {@code item}, resolved against {@code base}, if it is an existing
     * directory or a file mch may read ({@link InputFiles#refusal}: regular, links followed, bounded).
     */
    static Optional<Path> existing(Cursor item, Path base, boolean directory) {
        return InputFiles.path(item, base).flatMap(path -> {
            if (directory) {
                if (!Files.isDirectory(path)) {
                    item.problem("directory not found: " + path);
                    return Optional.empty();
                }
                return Optional.of(path);
            }
            Optional<String> refusal = InputFiles.refusal(path);
            refusal.ifPresent(why -> item.problem(why + ": " + path));
            return refusal.isEmpty() ? Optional.of(path) : Optional.empty();
        });
    }

    /** {@code name} if the clusters are known and it is one of them. */
    static Optional<String> knownCluster(Cursor at, String name, Optional<List<ClusterSpec>> clusters) {
        return knownCluster(at, name, clusters, List.of());
    }

    /** As above; {@code alsoAllowed} are other names the field accepts, offered as hints too. */
    static Optional<String> knownCluster(
            Cursor at, String name, Optional<List<ClusterSpec>> clusters, List<String> alsoAllowed) {
        if (clusters.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = clusters.get().stream().map(ClusterSpec::name).toList();
        if (!names.contains(name)) {
            List<String> candidates = new ArrayList<>(names);
            candidates.addAll(alsoAllowed);
            at.problem("unknown cluster '" + Names.shown(name) + "'; clusters are " + String.join(", ", names)
                    + Names.hint(name, candidates));
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
