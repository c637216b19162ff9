package io.mch.reports;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small hand-built run the renderer tests share: one partition, a failover, a node going NotReady. */
public final class SampleRun {

    private SampleRun() {}

    public static History history() {
        List<Event> events = new ArrayList<>();
        events.add(new Event.RunStarted(0, "ap-partition", "active-passive", "embedded", 42, 10_000, 100, 500,
                List.of(new Event.ClusterInfo("us-east", "us-east-1", "active", 3),
                        new Event.ClusterInfo("eu-west", "eu-west-1", "passive", 3))));
        events.add(new Event.Serving(0, "us-east", "primary"));
        for (long t = 0; t < 10_000; t += 100) {
            boolean down = t >= 3_000 && t < 5_000;
            events.add(new Event.Probe(t, "clients", "global", down ? null : t < 3_000 ? "us-east" : "eu-west",
                    !down, down ? 1000 : 20, down ? "timeout" : null));
        }
        events.add(new Event.FaultStarted(3_000, 0, "partition", "us-east cut off", List.of("us-east"),
                List.of("eu-west", "clients")));
        events.add(new Event.NodeStatus(4_000, "us-east", "node-1", "NotReady"));
        events.add(new Event.Serving(5_000, "eu-west", "health check failed 3 times"));
        events.add(new Event.FaultHealed(8_000, 0, "partition"));
        events.add(new Event.RunEnded(10_000, "completed", Map.of("us-east", "Healthy", "eu-west", "Healthy")));
        return new History(events);
    }

    public static RunRecord record(String scenario, List<SloResult> slos) {
        return new RunRecord(scenario, "active-passive", "embedded", 42, Verdict.combine(
                        slos.stream().map(SloResult::verdict).toList()),
                slos,
                List.of(new RunRecord.FaultWindow("partition", 3_000, 8_000L, 0, "us-east cut off")),
                Map.of("us-east", new RunRecord.ClusterStatus("Healthy", "us-east-1", "active")),
                "Synced",
                List.of(new RunRecord.Health("us-east", "Healthy")),
                "The active region is cut off.",
                10_000,
                100,
                "2026-11-24T10:00:00Z",
                "completed");
    }

    public static List<SloResult> slos() {
        return List.of(
                new SloResult("failover-time", null, 2000.0, "ms", "max 2m", Verdict.PASS,
                        "fault #0 (partition) 2000 ms; resolution 100 ms (probe interval)"),
                new SloResult("cross-cluster-latency", 99, 79.8, "ms", "max 50ms", Verdict.FAIL,
                        "120 ok, 0 failed"),
                new SloResult("config-consistency", null, null, "%", "min 100%", Verdict.UNKNOWN,
                        "no settled consistency sample"),
                new SloResult("availability", null, 80.0, "%", "min 99.9%", Verdict.FAIL, "80 of 100 ok"));
    }
}
