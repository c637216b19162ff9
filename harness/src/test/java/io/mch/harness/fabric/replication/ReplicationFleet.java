package io.mch.harness.fabric.replication;

import io.mch.harness.runtime.RunContext;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.backend.embedded.SimulatorTimings;
import io.mch.harness.config.Topology;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.network.Network;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.history.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Two embedded clusters, us-east and eu-west (76 ms apart, the clients in us-east-1), their
 * network and a fabric context, at ×10 time compression (unless told otherwise) so that the fabric's scenario-time
 * timeouts and checks play out in a few wall seconds.
 */
final class ReplicationFleet implements AutoCloseable {

    static final TimeScale SCALE = new TimeScale(10);

    final Fleet fleet;
    final Network network;
    final RunClock clock;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final FabricContext ctx;

    private ReplicationFleet(Fleet fleet, Network network, Topology topology, Path runDir, TimeScale scale) {
        this.clock = RunClock.startingNow(scale);
        this.fleet = fleet;
        this.network = network;
        this.ctx = new FabricContext(new RunContext(clock, events::add, 7, Console.silent(), runDir), topology, fleet,
                network, List.of());
    }

    static ReplicationFleet start(Path runDir) throws Exception {
        return start(runDir, SCALE);
    }

    /** As {@link #start(Path)}, at another time compression. */
    static ReplicationFleet start(Path runDir, TimeScale scale) throws Exception {
        Topology topology = new Topology(
                Path.of("replication-test.yaml"),
                "replication-test",
                List.of(new Topology.ClusterSpec("us-east", "us-east-1", Topology.Role.ACTIVE, 1, Map.of()),
                        new Topology.ClusterSpec("eu-west", "eu-west-1", Topology.Role.PASSIVE, 1, Map.of())),
                new Topology.NetworkSpec(List.of(new Topology.RegionLatency(
                        "us-east-1", "eu-west-1", Duration.ofMillis(76), Duration.ZERO)), "us-east-1"),
                new Topology.KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(300)),
                new Topology.FabricSpec(Optional.empty()),
                new Topology.WorkloadSpec(List.of(), "")).wall(scale);
        var timings = new SimulatorTimings(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofMillis(100), Duration.ofSeconds(1));
        Fleet fleet = new EmbeddedBackend().withTimings(timings).start(topology, RunContext.detached(TimeScale.REAL, Path.of("target")));
        return new ReplicationFleet(fleet, Network.of(topology, 7), topology, runDir, scale);
    }

    <T extends Event> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Event> Stream<T> stream(Class<T> type) {
        return events(type).stream();
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
