package io.mch.harness.run;

import io.mch.faults.spec.FaultSpec;
import io.mch.harness.backend.embedded.SimulatorTimings;
import io.mch.harness.config.MeshSpec;
import io.mch.harness.config.ReplicationSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.SyncSpec;
import io.mch.harness.config.Topology;
import java.time.Duration;
import java.util.Optional;

/**
 * Time compression: a run at factor K lets every timer of the scenario (faults, health checks,
 * DNS TTLs, region RTTs, Kubernetes and simulator intervals, probe timeouts) run K times faster on
 * the wall clock, while the {@link RunClock} and every measurement stay in scenario time (wall ×
 * K). One place converts, so a scenario keeps meaning the same thing at any K; what it costs is
 * resolution, since the probes keep their wall rate and so are K times sparser in scenario time.
 */
public record TimeScale(double factor) {

    /** Real time: nothing is compressed. */
    public static final TimeScale REAL = new TimeScale(1);

    /** Simulator loops faster than this would load the embedded API servers more than they measure. */
    private static final Duration MIN_RECONCILE = Duration.ofMillis(50);

    public TimeScale {
        if (!(factor >= 1) || factor > 1000) {
            throw new IllegalArgumentException("the time scale must be between 1 and 1000, was " + factor);
        }
    }

    public boolean compressed() {
        return factor != 1;
    }

    /** The wall-clock length of a scenario duration. */
    public Duration wall(Duration scenario) {
        return Duration.ofNanos(Math.round(scenario.toNanos() / factor));
    }

    /** Wall milliseconds for scenario milliseconds. */
    public long wallMs(long scenarioMs) {
        return Math.round(scenarioMs / factor);
    }

    /** Scenario milliseconds for wall milliseconds. */
    public double scenarioMs(double wallMs) {
        return wallMs * factor;
    }

    /** The scenario-time length of a wall duration (a probe interval at its wall rate). */
    public Duration scenario(Duration wall) {
        return Duration.ofNanos(Math.round(wall.toNanos() * factor));
    }

    /** The topology with every duration in wall time: RTTs, Kubernetes timings, every fabric part's timers. */
    public Topology wall(Topology t) {
        if (!compressed()) {
            return t;
        }
        return new Topology(
                t.file(),
                t.name(),
                t.clusters(),
                new Topology.NetworkSpec(
                        t.network().latency().stream()
                                .map(l -> new Topology.RegionLatency(l.a(), l.b(), wall(l.rtt()), wall(l.jitter())))
                                .toList(),
                        t.network().clientsRegion()),
                new Topology.KubernetesTimings(
                        wall(t.kubernetes().nodeMonitorGracePeriod()), wall(t.kubernetes().podEvictionTimeout())),
                new Topology.FabricSpec(
                        t.fabric().globalLoadBalancer().map(this::wall),
                        t.fabric().sync().map(this::wall),
                        t.fabric().mesh().map(this::wall),
                        t.fabric().replication().map(this::wall)),
                t.workload());
    }

    private Topology.GlobalLoadBalancerSpec wall(Topology.GlobalLoadBalancerSpec glb) {
        Topology.HealthCheck hc = glb.healthCheck();
        return new Topology.GlobalLoadBalancerSpec(
                glb.policy(),
                glb.primary(),
                new Topology.HealthCheck(wall(hc.interval()), wall(hc.timeout()), hc.failureThreshold()),
                wall(glb.dnsTtl()),
                glb.weights(),
                glb.views());
    }

    private SyncSpec wall(SyncSpec sync) {
        return new SyncSpec(sync.hub(), sync.repository(), sync.applications(), wall(sync.reconcileInterval()),
                wall(sync.jitter()), sync.policies());
    }

    /** The mesh's timers in wall time; its client rate stays a wall rate, like the probes'. */
    private MeshSpec wall(MeshSpec mesh) {
        return new MeshSpec(wall(mesh.staleEndpointTtl()), wall(mesh.discoveryInterval()), mesh.affinity(),
                mesh.clientRatePerSecond(), mesh.clientTimeout().map(this::wall));
    }

    private ReplicationSpec wall(ReplicationSpec replication) {
        return new ReplicationSpec(
                replication.backup().map(b -> new ReplicationSpec.Backup(
                        b.from(), b.namespace(), wall(b.every()), b.location(), b.restoreTo(), b.file())),
                replication.objects().stream()
                        .map(o -> new ReplicationSpec.ObjectReplication(
                                o.from(), o.to(), o.namespace(), o.kinds(), wall(o.interval())))
                        .toList());
    }

    /** A fault as injected: a latency fault's delay in wall time; other faults have no duration. */
    public FaultSpec wall(FaultSpec spec) {
        if (spec instanceof FaultSpec.Latency l && compressed()) {
            return new FaultSpec.Latency(l.between(), l.and(), wall(l.add()), wall(l.jitter()));
        }
        return spec;
    }

    /** The embedded simulator's intervals in wall time (its reconcile loop floored at 50 ms). */
    /** A load profile on the wall clock: it starts and lasts 1/K as long, at its stated rate. */
    public Scenario.Load wall(Scenario.Load load) {
        return new Scenario.Load(load.fromPerSecond(), load.toPerSecond(), wall(load.at()), wall(load.duration()));
    }

    public SimulatorTimings wall(SimulatorTimings s) {
        Duration reconcile = wall(s.reconcileInterval());
        return new SimulatorTimings(
                wall(s.leaseRenewInterval()),
                wall(s.nodeMonitorPeriod()),
                wall(s.podStartupDelay()),
                reconcile.compareTo(MIN_RECONCILE) < 0 ? MIN_RECONCILE : reconcile,
                wall(s.upstreamTimeout()));
    }

    /** The factor as a command-line argument: {@code 20}, {@code 2.5}. */
    public String argument() {
        return factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor);
    }

    /** How the scale reads on the console and in docs: {@code ×20}. */
    @Override
    public String toString() {
        return "×" + argument();
    }

    /** Parses a command-line value. */
    public static Optional<TimeScale> parse(double factor) {
        try {
            return Optional.of(new TimeScale(factor));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
