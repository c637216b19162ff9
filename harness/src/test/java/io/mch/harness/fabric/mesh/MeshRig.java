package io.mch.harness.fabric.mesh;

import io.mch.harness.runtime.RunContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.backend.embedded.SimulatorTimings;
import io.mch.harness.config.MeshSpec;
import io.mch.harness.config.Step;
import io.mch.harness.config.Topology;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.network.Network;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.workload.Workloads;
import io.mch.reports.history.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Three embedded clusters in three regions (RTTs 30, 80 and 150 ms), the global service deployed
 * in each, a network, and a hand-built fabric context recording into a list: what a run gives a
 * fabric part, with timings short enough for a unit test.
 */
final class MeshRig implements AutoCloseable {

    static final String EAST = "us-east";
    static final String WEST = "eu-west";
    static final String SOUTH = "ap-south";
    static final String SERVICE = "api-server";
    static final Map<String, Long> RTT_FROM_EAST = Map.of(WEST, 30L, SOUTH, 150L);

    private static final Path MANIFEST = Path.of("..", "topology-fixtures", "workloads", "api-server.yaml");
    private static final SimulatorTimings FAST = new SimulatorTimings(
            Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100),
            Duration.ofSeconds(5));

    final Fleet fleet;
    final Network network;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final RunClock clock = RunClock.startingNow();
    private final Topology topology;

    /** Starts the fleet and deploys the service annotated global (with {@code affinity}, if given). */
    MeshRig(Optional<String> affinity) throws Exception {
        this(cluster -> {
            Map<String, String> annotations = new HashMap<>();
            annotations.put(GlobalService.GLOBAL, "true");
            affinity.ifPresent(a -> annotations.put(GlobalService.AFFINITY, a));
            return annotations;
        });
    }

    /** Starts the fleet and deploys the service with each cluster's own {@code annotations}. */
    MeshRig(Function<String, Map<String, String>> annotations) throws Exception {
        topology = new Topology(
                Path.of("mesh-test.yaml"),
                "mesh-test",
                List.of(cluster(EAST, "r-east"), cluster(WEST, "r-west"), cluster(SOUTH, "r-south")),
                new Topology.NetworkSpec(List.of(
                        rtt("r-east", "r-west", 30), rtt("r-west", "r-south", 80), rtt("r-east", "r-south", 150)),
                        "r-east"),
                new Topology.KubernetesTimings(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new Topology.FabricSpec(Optional.empty()),
                new Topology.WorkloadSpec(List.of(MANIFEST), SERVICE));
        fleet = new EmbeddedBackend().withTimings(FAST).start(topology, RunContext.detached(TimeScale.REAL, Path.of("target")));
        try {
            for (Cluster c : fleet.clusters()) {
                for (HasMetadata item : Workloads.read(c.client(), List.of(MANIFEST))) {
                    if (item instanceof Service service) {
                        service.getMetadata().setAnnotations(annotations.apply(c.name()));
                    }
                    c.client().resource(item).createOr(NonDeletingOperation::update);
                }
            }
            for (Cluster c : fleet.clusters()) {
                Workloads.awaitReady(c.client(), "default", SERVICE, Duration.ofSeconds(30));
            }
            network = Network.of(topology, 7);
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        }
    }

    /** The context a run would give the mesh, with these scenario steps. */
    FabricContext context(List<Step.Scheduled> steps) {
        return new FabricContext(new RunContext(clock, events::add, 7, Console.silent(), Path.of("target", "mesh-test-run")),
                topology, fleet, network, steps);
    }

    static MeshSpec spec(Duration ttl, MeshSpec.Affinity affinity) {
        return new MeshSpec(ttl, Duration.ofMillis(200), affinity, 20, Optional.of(Duration.ofSeconds(1)));
    }

    /** Mesh probes recorded so far. */
    List<Event.Probe> probes() {
        return events.stream()
                .filter(Event.Probe.class::isInstance)
                .map(Event.Probe.class::cast)
                .filter(p -> p.target().equals("mesh:" + SERVICE))
                .toList();
    }

    Stream<Event.Probe> probesFrom(String source, long fromMs) {
        return probes().stream().filter(p -> p.source().equals(source) && p.tMs() >= fromMs);
    }

    List<String> notes() {
        return events.stream()
                .filter(Event.FabricNote.class::isInstance)
                .map(e -> ((Event.FabricNote) e).message())
                .toList();
    }

    private static Topology.ClusterSpec cluster(String name, String region) {
        return new Topology.ClusterSpec(name, region, Topology.Role.PEER, 3, Map.of());
    }

    private static Topology.RegionLatency rtt(String a, String b, long ms) {
        return new Topology.RegionLatency(a, b, Duration.ofMillis(ms), Duration.ZERO);
    }

    @Override
    public void close() {
        try {
            network.close();
        } finally {
            fleet.close();
        }
    }
}
