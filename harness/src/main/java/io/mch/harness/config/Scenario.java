package io.mch.harness.config;

import io.mch.faults.spec.ScheduledFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        SloTargets slo) {

    public Scenario {
        faults = List.copyOf(faults);
    }

    /** Constant-rate probes through the global endpoint. */
    public record Traffic(double ratePerSecond, Duration timeout) {
        public Duration interval() {
            return Duration.ofNanos(Math.round(1_000_000_000d / ratePerSecond));
        }
    }
}
