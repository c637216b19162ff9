package io.mch.harness.bench;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.html.HtmlReport;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How long {@code report.html} takes to render, and how big it is, for a long busy run: ten minutes
 * of global probes at 100 a second (60,000), cross-cluster probes between three clusters at 10 a
 * second per pair, consistency samples every second, and three faults that fail traffic. The
 * history is synthetic and seeded, so the figure measures the renderer alone and repeats.
 */
public final class RenderBench {

    static final long DURATION_MS = 600_000;
    static final double PROBE_INTERVAL_MS = 10;
    static final long CROSS_INTERVAL_MS = 100;
    private static final List<String> CLUSTERS = List.of("us-east", "eu-west", "ap-south");

    private RenderBench() {}

    record Figures(int events, int globalProbes, int renders, double medianMs, double minMs, long bytes) {}

    static Figures measure(int warmups, int renders) {
        History history = history();
        RunRecord run = record();
        for (int i = 0; i < warmups; i++) {
            HtmlReport.render(run, history);
        }
        double[] ms = new double[renders];
        long bytes = 0;
        for (int i = 0; i < renders; i++) {
            long start = System.nanoTime();
            String html = HtmlReport.render(run, history);
            ms[i] = (System.nanoTime() - start) / 1e6;
            bytes = html.getBytes(StandardCharsets.UTF_8).length;
        }
        Arrays.sort(ms);
        return new Figures(history.events().size(), history.globalProbes().size(), renders, ms[renders / 2], ms[0],
                bytes);
    }

    /** Faults at 2, 5 and 8 minutes; global traffic fails for 20 s after each and recovers. */
    static History history() {
        SplittableRandom random = new SplittableRandom(42);
        List<Event> events = new ArrayList<>();
        events.add(new Event.RunStarted(0, "render-bench", "three-regions", "embedded", 42, DURATION_MS,
                PROBE_INTERVAL_MS, CROSS_INTERVAL_MS, CLUSTERS.stream()
                        .map(c -> new Event.ClusterInfo(c, c + "-1", c.equals("us-east") ? "active" : "passive", 3))
                        .toList()));
        long[][] faults = {{120_000, 180_000}, {300_000, 330_000}, {480_000, 540_000}};
        String[] types = {"partition", "latency", "cluster-loss"};
        events.add(new Event.Serving(0, "us-east", "primary"));
        for (int f = 0; f < faults.length; f++) {
            events.add(new Event.FaultStarted(faults[f][0], f, types[f], types[f] + " of " + CLUSTERS.get(f)));
            events.add(new Event.FaultHealed(faults[f][1], f, types[f]));
            events.add(new Event.Serving(faults[f][0] + 20_000, CLUSTERS.get((f + 1) % 3), "health check failed"));
        }
        for (int i = 0; i * PROBE_INTERVAL_MS < DURATION_MS; i++) {
            long t = Math.round(i * PROBE_INTERVAL_MS);
            boolean down = Arrays.stream(faults).anyMatch(f -> t >= f[0] && t < f[0] + 20_000);
            events.add(new Event.Probe(t, "clients", "global", down ? null : "us-east", !down,
                    down ? 1_000 : 5 + random.nextDouble() * 20, down ? "connect timed out" : null));
        }
        for (long t = 0; t < DURATION_MS; t += CROSS_INTERVAL_MS) {
            for (String source : CLUSTERS) {
                for (String target : CLUSTERS) {
                    if (!source.equals(target)) {
                        boolean slow = t >= faults[1][0] && t < faults[1][1] && source.equals("eu-west");
                        events.add(new Event.Probe(t, source, target, target, true,
                                (slow ? 80 : 8) + random.nextDouble() * 10, null));
                    }
                }
            }
        }
        for (long second = 0; second < DURATION_MS; second += 1_000) {
            long t = second;
            for (String cluster : CLUSTERS) {
                boolean matches = Arrays.stream(faults).noneMatch(f -> t >= f[0] && t < f[1] + 5_000);
                events.add(new Event.ConsistencySample(t, cluster, "configmap/app", matches, t > 545_000));
            }
        }
        events.add(new Event.RunEnded(DURATION_MS, "completed", Map.of()));
        return new History(events);
    }

    private static RunRecord record() {
        return new RunRecord("render-bench", "three-regions", "embedded", 42, Verdict.FAIL,
                List.of(new SloResult("failover-time", null, 20_000.0, "ms", "max 2m", Verdict.PASS, null),
                        new SloResult("availability", null, 90.0, "%", "min 99.9%", Verdict.FAIL, null)),
                List.of(), Map.of(), "Synced", List.of(), "Synthetic 10-minute run for the render benchmark.",
                DURATION_MS, PROBE_INTERVAL_MS, "2026-11-24T10:00:00Z", "completed");
    }
}
