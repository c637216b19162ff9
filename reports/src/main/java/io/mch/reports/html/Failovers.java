package io.mch.reports.html;

import io.mch.reports.history.Event;
import io.mch.reports.history.FaultWindows;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord.FaultWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * When global traffic was down because of each fault, for the timeline. The reports module cannot
 * see the harness's failover checker, so this repeats its rule (kept in step with
 * {@code io.mch.harness.check.FailoverTimes}): a fault disrupted traffic if a global probe sent
 * while it was active failed; traffic is back at the first probe of the first run of successful
 * global probes, after that failure, spanning at least one second ({@code last - first >= 1000 -
 * interval}, less 1 ms for rounded probe times).
 */
final class Failovers {

    private static final long RECOVERY_WINDOW_MS = 1_000;
    private static final long ROUNDING_MS = 1;

    /** A fault that failed global traffic, from its start to recovery ({@code recoveredMs} null: never). */
    record Span(FaultWindow fault, long startMs, Long recoveredMs) {}

    private Failovers() {}

    static List<Span> of(History history, double probeIntervalMs) {
        List<Event.Probe> probes = history.globalProbes();
        List<Span> spans = new ArrayList<>();
        for (FaultWindow fault : FaultWindows.of(history)) {
            long end = fault.endMs() == null ? Long.MAX_VALUE : fault.endMs();
            int failure = firstFailure(probes, fault.startMs());
            if (failure >= 0 && probes.get(failure).tMs() < end) {
                spans.add(new Span(fault, fault.startMs(), recovery(probes, failure, probeIntervalMs)));
            }
        }
        return spans;
    }

    private static int firstFailure(List<Event.Probe> probes, long start) {
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i).tMs() >= start && !probes.get(i).ok()) {
                return i;
            }
        }
        return -1;
    }

    private static Long recovery(List<Event.Probe> probes, int failure, double intervalMs) {
        double span = RECOVERY_WINDOW_MS - intervalMs - ROUNDING_MS;
        int runStart = -1;
        for (int i = failure + 1; i < probes.size(); i++) {
            if (!probes.get(i).ok()) {
                runStart = -1;
                continue;
            }
            if (runStart < 0) {
                runStart = i;
            }
            long first = probes.get(runStart).tMs();
            if (probes.get(i).tMs() - first >= span) {
                return first;
            }
        }
        return null;
    }
}
