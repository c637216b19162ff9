package io.mch.harness.config;

import io.mch.harness.runtime.TimeScale;
import io.mch.faults.spec.ScheduledFault;
import io.mch.reports.judge.SloTargets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A validated scenario: the topology (overrides applied), traffic, fault schedule and SLOs. */
public record Scenario(
        Path file,
        String name,
        String description,
        Topology topology,
        Duration duration,
        OptionalLong seed,
        Traffic traffic,
        List<ScheduledFault> faults,
        SloTargets slo,
        Optional<Load> load,
        List<Step.Scheduled> steps) {

    public Scenario {
        faults = List.copyOf(faults);
        steps = List.copyOf(steps);
    }

    /** A scenario without {@code steps:}. */
    public Scenario(Path file, String name, String description, Topology topology, Duration duration,
            OptionalLong seed, Traffic traffic, List<ScheduledFault> faults, SloTargets slo, Optional<Load> load) {
        this(file, name, description, topology, duration, seed, traffic, faults, slo, load, List.of());
    }

    /** A scenario without {@code load:}. */
    public Scenario(Path file, String name, String description, Topology topology, Duration duration,
            OptionalLong seed, Traffic traffic, List<ScheduledFault> faults, SloTargets slo) {
        this(file, name, description, topology, duration, seed, traffic, faults, slo, Optional.empty());
    }

    /** Constant-rate probes through the global endpoint. */
    public record Traffic(double ratePerSecond, Duration timeout) {
        public Duration interval() {
            return Duration.ofNanos(Math.round(1_000_000_000d / ratePerSecond));
        }
    }

    /**
     * Heavy arrival-rate load through the global endpoint, driven by Gatling in its own JVM from
     * {@code at} for {@code duration}: from {@code fromPerSecond} rising linearly to
     * {@code toPerSecond} (equal for a constant rate). It stresses the fabric; SLO verdicts still
     * come from the probes.
     */
    public record Load(double fromPerSecond, double toPerSecond, Duration at, Duration duration) {
        public boolean ramp() {
            return fromPerSecond != toPerSecond;
        }

        /** This profile on the wall clock: it starts and lasts 1/K as long, at its stated rate. */
        public Load wall(TimeScale scale) {
            return new Load(fromPerSecond, toPerSecond, scale.wall(at), scale.wall(duration));
        }
    }

    /**
     * This scenario with its backups written to {@code location} instead of the run directory: the
     * command line's {@code --backup-location}, the only way a run writes outside its directory.
     */
    public Scenario withBackupLocation(Path location) {
        Topology.FabricSpec fabric = topology.fabric();
        Topology moved = new Topology(topology.file(), topology.name(), topology.clusters(), topology.network(),
                topology.kubernetes(), new Topology.FabricSpec(fabric.globalLoadBalancer(), fabric.sync(), fabric.mesh(),
                        fabric.replication().map(r -> r.withBackupLocation(location))), topology.workload());
        return new Scenario(file, name, description, moved, duration, seed, traffic, faults, slo, load, steps);
    }
}
