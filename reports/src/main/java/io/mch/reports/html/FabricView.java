package io.mch.reports.html;

import io.mch.reports.model.Redaction;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.Measurements;
import io.mch.reports.judge.SloText;
import io.mch.reports.judge.Times;
import io.mch.reports.model.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the multi-cluster fabric did, at a glance: the figures it measured (RPO, RTO, replication
 * lag, how long each action took), the GitOps controller's last status of every application on
 * every cluster with how long each spent unreachable, and where the mesh routed each cluster's
 * calls — including calls routed to a cluster that could not answer, which is what a stale
 * endpoint kept past a partition looks like.
 */
public record FabricView(List<MeasurementRow> measurements, List<String> syncClusters, List<SyncRow> sync,
        List<String> meshTargets, List<MeshRow> mesh) {

    public record MeasurementRow(String name, String subject, String value, String resolution, String at, String detail) {}

    /** One application's last status on each of {@link #syncClusters}, and its time Unknown there. */
    public record SyncRow(String application, List<String> statuses, List<String> unknownFor) {}

    /** One source cluster's mesh calls: how many each target served, and how many failed. */
    public record MeshRow(String source, List<Long> served, long failed) {}

    /** Empty when the run had no fabric beyond the load balancer. */
    public boolean empty() {
        return measurements.isEmpty() && sync.isEmpty() && mesh.isEmpty();
    }

    public static FabricView of(History history) {
        List<MeasurementRow> measurements = Measurements.of(history).stream().map(FabricView::row).toList();
        long endMs = history.events().isEmpty() ? 0 : history.events().get(history.events().size() - 1).tMs();
        TreeSet<String> clusters = new TreeSet<>();
        Map<String, Map<String, List<Event.SyncStatus>>> byApp = new TreeMap<>();
        history.of(Event.SyncStatus.class).forEach(s -> {
            clusters.add(s.cluster());
            byApp.computeIfAbsent(s.application(), a -> new TreeMap<>())
                    .computeIfAbsent(s.cluster(), c -> new ArrayList<>()).add(s);
        });
        List<SyncRow> sync = new ArrayList<>();
        byApp.forEach((app, byCluster) -> {
            List<String> statuses = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String cluster : clusters) {
                List<Event.SyncStatus> changes = byCluster.getOrDefault(cluster, List.of());
                statuses.add(changes.isEmpty() ? "—" : changes.get(changes.size() - 1).status());
                long ms = unknownMs(changes, endMs);
                unknown.add(ms == 0 ? "" : Times.seconds(ms));
            }
            sync.add(new SyncRow(app, statuses, unknown));
        });
        return mesh(history, measurements, List.copyOf(clusters), sync);
    }

    private static FabricView mesh(
            History history, List<MeasurementRow> measurements, List<String> syncClusters, List<SyncRow> sync) {
        TreeSet<String> targets = new TreeSet<>();
        Map<String, Map<String, Long>> served = new TreeMap<>();
        Map<String, Long> failed = new LinkedHashMap<>();
        for (Event.Probe p : history.meshProbes()) {
            served.computeIfAbsent(p.source(), s -> new TreeMap<>());
            if (p.ok() && p.servedBy() != null) {
                targets.add(p.servedBy());
                served.get(p.source()).merge(p.servedBy(), 1L, Long::sum);
            } else {
                failed.merge(p.source(), 1L, Long::sum);
            }
        }
        List<MeshRow> mesh = new ArrayList<>();
        served.forEach((source, counts) -> mesh.add(new MeshRow(source,
                targets.stream().map(t -> counts.getOrDefault(t, 0L)).toList(), failed.getOrDefault(source, 0L))));
        return new FabricView(measurements, syncClusters, sync, List.copyOf(targets), mesh);
    }

    /** How long the pair's status was Unknown, up to {@code endMs}. */
    private static long unknownMs(List<Event.SyncStatus> changes, long endMs) {
        long total = 0;
        for (int i = 0; i < changes.size(); i++) {
            if ("Unknown".equals(changes.get(i).status())) {
                long until = i + 1 < changes.size() ? changes.get(i + 1).tMs() : endMs;
                total += until - changes.get(i).tMs();
            }
        }
        return total;
    }

    private static MeasurementRow row(Measurement m) {
        return new MeasurementRow(m.name(), m.subject(), Times.seconds(Math.round(m.valueMs())),
                m.resolutionMs() > 0 ? "±" + SloText.number(m.resolutionMs()) + " ms" : "",
                Times.seconds(m.atMs()), m.detail() == null ? "" : Redaction.clean(m.detail()));
    }
}
