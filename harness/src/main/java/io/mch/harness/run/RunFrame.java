package io.mch.harness.run;

import io.mch.harness.runtime.TimeScale;
import io.mch.harness.config.Scenario;
import io.mch.reports.history.Event;
import java.time.Duration;

/**
 * The run's frame: what the history's first event says about the run and its probes. Probe
 * intervals are stated in scenario time (wall interval × time scale), which is the resolution the
 * checkers then report; with a mesh, the cross-cluster callers are its in-cluster clients at their
 * own rate. Region round-trip times are the topology's own, unscaled: scenario time,
 * like every duration of the history.
 */
public final class RunFrame {

    /** At most this many cross-cluster probes a second over all pairs, whatever the fleet's size. */
    private static final double CROSS_PROBES_PER_SECOND = 40;
    private static final Duration CROSS_PROBE_MIN_INTERVAL = Duration.ofMillis(200);

    private RunFrame() {}

    /** The interval of each cross-cluster pair's probes in a fleet of {@code clusters}. */
    public static Duration crossProbeInterval(int clusters) {
        int pairs = Math.max(1, clusters * (clusters - 1));
        Duration capped = Duration.ofMillis(Math.round(1000 * pairs / CROSS_PROBES_PER_SECOND));
        return capped.compareTo(CROSS_PROBE_MIN_INTERVAL) > 0 ? capped : CROSS_PROBE_MIN_INTERVAL;
    }

    static Event.RunStarted startEvent(Scenario scenario, String backend, long seed, TimeScale scale) {
        var topology = scenario.topology();
        return new Event.RunStarted(
                0,
                scenario.name(),
                topology.name(),
                backend,
                seed,
                scenario.duration().toMillis(),
                scale.scenario(scenario.traffic().interval()).toNanos() / 1e6,
                scale.scenario(topology.fabric().mesh()
                        .map(m -> Duration.ofNanos(Math.round(1e9 / m.clientRatePerSecond())))
                        .orElse(crossProbeInterval(topology.clusters().size()))).toMillis(),
                topology.clusters().stream()
                        .map(c -> new Event.ClusterInfo(c.name(), c.region(), c.role().name().toLowerCase(), c.nodes()))
                        .toList(),
                scale.factor(),
                topology.network().latency().stream()
                        .map(l -> new Event.RegionRtt(l.a(), l.b(), l.rtt().toNanos() / 1e6))
                        .toList(),
                scenario.slo().recorded());
    }
}
