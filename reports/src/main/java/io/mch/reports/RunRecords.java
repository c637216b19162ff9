package io.mch.reports;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.FaultWindows;
import io.mch.reports.judge.Measurements;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import io.mch.reports.judge.ProbeLag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@code run.json}'s record from the history and the checkers' results, so what the run
 * record says (frame, faults, end state) is what was recorded, like the verdicts themselves.
 */
public final class RunRecords {

    private RunRecords() {}

    /**
     * @param description the scenario's description, or null
     * @param startedAt wall-clock start (ISO-8601), or null
     */
    public static RunRecord of(History history, List<SloResult> slos, String description, String startedAt) {
        Optional<Event.RunStarted> start = history.start();
        Optional<Event.RunEnded> end = history.of(Event.RunEnded.class).reduce((a, b) -> b);
        Map<String, String> endStatus = end.map(Event.RunEnded::clusterStatus).orElse(Map.of());
        Map<String, RunRecord.ClusterStatus> clusters = new LinkedHashMap<>();
        start.map(Event.RunStarted::clusters).orElse(List.of()).forEach(c -> clusters.put(c.name(),
                new RunRecord.ClusterStatus(endStatus.getOrDefault(c.name(), "Unknown"), c.region(), c.role())));
        endStatus.forEach((name, status) -> clusters.putIfAbsent(name, new RunRecord.ClusterStatus(status, null, null)));
        return new RunRecord(
                start.map(Event.RunStarted::scenario).orElse(null),
                start.map(Event.RunStarted::topology).orElse(null),
                start.map(Event.RunStarted::backend).orElse(null),
                start.map(Event.RunStarted::seed).orElse(0L),
                Verdict.combine(slos.stream().map(SloResult::verdict).toList()),
                List.copyOf(slos),
                FaultWindows.of(history),
                clusters,
                syncStatus(history),
                clusters.entrySet().stream()
                        .map(e -> new RunRecord.Health(e.getKey(), e.getValue().status()))
                        .toList(),
                description,
                end.map(Event::tMs).orElse(history.events().isEmpty() ? 0L
                        : history.events().get(history.events().size() - 1).tMs()),
                start.map(Event.RunStarted::probeIntervalMs).orElse(0.0),
                startedAt,
                end.map(Event.RunEnded::reason).orElse("no run-ended event (the run was killed)"),
                start.map(Event.RunStarted::timeScale).orElse(1.0),
                Measurements.of(history),
                ProbeLag.of(history).orElse(null));
    }

    /**
     * Argo CD's words. With a GitOps controller, from its last status of every (application,
     * cluster) pair: all Synced, else Unknown if some cluster was unreachable, else OutOfSync.
     * Without one, from the last consistency sample of every (object, cluster) pair: all match,
     * some do not, or nothing was sampled. Known whether or not the scenario judges the SLO.
     */
    private static String syncStatus(History history) {
        Map<String, String> controller = new java.util.HashMap<>();
        history.of(Event.SyncStatus.class).forEach(s -> controller.put(s.application() + "/" + s.cluster(), s.status()));
        if (!controller.isEmpty()) {
            if (controller.values().stream().allMatch("Synced"::equals)) {
                return "Synced";
            }
            return controller.containsValue("Unknown") ? "Unknown" : "OutOfSync";
        }
        Map<String, Boolean> last = new java.util.HashMap<>();
        history.of(Event.ConsistencySample.class).forEach(s -> last.put(s.cluster() + "/" + s.object(), s.matches()));
        if (last.isEmpty()) {
            return "Unknown";
        }
        return last.values().stream().allMatch(Boolean::booleanValue) ? "Synced" : "OutOfSync";
    }
}
