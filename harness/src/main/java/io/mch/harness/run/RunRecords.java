package io.mch.harness.run;

import io.mch.harness.config.Scenario;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the run's frame event and, afterwards, {@code run.json}'s record from the history. */
public final class RunRecords {

    /** At most this many cross-cluster probes a second over all pairs, whatever the fleet's size. */
    private static final double CROSS_PROBES_PER_SECOND = 40;
    private static final Duration CROSS_PROBE_MIN_INTERVAL = Duration.ofMillis(200);

    private RunRecords() {}

    /** The interval of each cross-cluster pair's probes in a fleet of {@code clusters}. */
    public static Duration crossProbeInterval(int clusters) {
        int pairs = Math.max(1, clusters * (clusters - 1));
        Duration capped = Duration.ofMillis(Math.round(1000 * pairs / CROSS_PROBES_PER_SECOND));
        return capped.compareTo(CROSS_PROBE_MIN_INTERVAL) > 0 ? capped : CROSS_PROBE_MIN_INTERVAL;
    }

    static Event.RunStarted startEvent(Scenario scenario, String backend, long seed) {
        var topology = scenario.topology();
        return new Event.RunStarted(
                0,
                scenario.name(),
                topology.name(),
                backend,
                seed,
                scenario.duration().toMillis(),
                scenario.traffic().interval().toNanos() / 1e6,
                crossProbeInterval(topology.clusters().size()).toMillis(),
                topology.clusters().stream()
                        .map(c -> new Event.ClusterInfo(c.name(), c.region(), c.role().name().toLowerCase(), c.nodes()))
                        .toList());
    }

    /** The record of a run, from its history and verdicts only (so it can be rebuilt later). */
    public static RunRecord record(History history, List<SloResult> slos, String description, String startedAt) {
        Event.RunStarted start = history.start().orElseThrow(() -> new IllegalArgumentException("history has no run-started event"));
        Event.RunEnded end = history.of(Event.RunEnded.class).reduce((a, b) -> b).orElse(null);
        Map<String, String> finalStatus = end == null ? Map.of() : end.clusterStatus();
        Map<String, RunRecord.ClusterStatus> clusters = new LinkedHashMap<>();
        List<RunRecord.Health> health = new ArrayList<>();
        for (Event.ClusterInfo c : start.clusters()) {
            String status = finalStatus.getOrDefault(c.name(), "Unknown");
            clusters.put(c.name(), new RunRecord.ClusterStatus(status, c.region(), c.role()));
            health.add(new RunRecord.Health(c.name(), status));
        }
        return new RunRecord(
                start.scenario(),
                start.topology(),
                start.backend(),
                start.seed(),
                Verdict.combine(slos.stream().map(SloResult::verdict).toList()),
                slos,
                faultWindows(history),
                clusters,
                syncStatus(history),
                health,
                description,
                start.durationMs(),
                start.probeIntervalMs(),
                startedAt,
                end == null ? "unfinished" : end.reason());
    }

    private static List<RunRecord.FaultWindow> faultWindows(History history) {
        Map<Integer, Long> healed = new HashMap<>();
        history.of(Event.FaultHealed.class).forEach(h -> healed.put(h.index(), h.tMs()));
        return history.of(Event.FaultStarted.class)
                .map(f -> new RunRecord.FaultWindow(f.fault(), f.tMs(), healed.get(f.index()), f.index(), f.description()))
                .toList();
    }

    /** {@code Synced} when every (object, cluster) pair's last sample matched, as Argo CD says it. */
    private static String syncStatus(History history) {
        Map<String, Boolean> last = new HashMap<>();
        history.of(Event.ConsistencySample.class).forEach(s -> last.put(s.cluster() + "/" + s.object(), s.matches()));
        if (last.isEmpty()) {
            return "Unknown";
        }
        return last.values().stream().allMatch(Boolean::booleanValue) ? "Synced" : "OutOfSync";
    }
}
