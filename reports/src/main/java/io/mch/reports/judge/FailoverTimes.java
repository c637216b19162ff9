package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord.FaultWindow;
import java.util.List;
import java.util.OptionalLong;

/**
 * Measures, for every fault of a history, how long global traffic took to be served again; the
 * failover-time SLO judges it, the availability projection multiplies it by the incident rate and
 * the report draws it, all from this one rule.
 *
 * <p>A fault disrupted serving if a global probe sent in {@code [start, end)} failed (an unhealed
 * fault lasts to the end of the run). Its failover time runs from the fault's start to the first
 * probe of the first run of consecutive successful global probes, after the first failure, that
 * spans at least one second. A run of probes sent every {@code interval} ms covers
 * {@code [first, last + interval)}, so it spans a second when {@code last - first >= 1000 - interval}:
 * at 20 probes a second that is 20 probes (first to last 950 ms), and 19 are not enough. Probe
 * times are whole milliseconds rounded from a fractional schedule (33.3 ms at 30/s), so the
 * comparison allows {@value #ROUNDING_MS} ms of rounding.
 */
public record FailoverTimes(List<Outcome> outcomes) {

    public static final long RECOVERY_WINDOW_MS = 1_000;
    public static final long ROUNDING_MS = 1;

    /** What one fault did to global traffic. */
    public enum Kind {
        /** No global probe was sent at or after the fault's start: nothing to judge. */
        UNOBSERVED,
        /** No global probe during the fault failed. */
        UNDISRUPTED,
        /** Traffic failed and was served again; {@code failoverMs} says after how long. */
        RECOVERED,
        /** Traffic failed and no second of successful probes followed before the history ends. */
        NEVER_RECOVERED
    }

    public record Outcome(FaultWindow fault, Kind kind, long failoverMs) {}

    public static FailoverTimes measure(History history, double probeIntervalMs) {
        List<Event.Probe> probes = history.globalProbes();
        return new FailoverTimes(FaultWindows.of(history).stream()
                .map(fault -> outcome(fault, probes, probeIntervalMs))
                .toList());
    }

    /** The longest failover among faults that disrupted traffic and recovered. */
    public OptionalLong longest() {
        return outcomes.stream().filter(o -> o.kind() == Kind.RECOVERED).mapToLong(Outcome::failoverMs).max();
    }

    public List<Outcome> of(Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).toList();
    }

    private static Outcome outcome(FaultWindow fault, List<Event.Probe> probes, double intervalMs) {
        long start = fault.startMs();
        long end = fault.endMs() == null ? Long.MAX_VALUE : fault.endMs();
        int firstAfterStart = -1;
        int firstFailure = -1;
        for (int i = 0; i < probes.size() && firstFailure < 0; i++) {
            Event.Probe p = probes.get(i);
            if (p.tMs() < start) {
                continue;
            }
            if (firstAfterStart < 0) {
                firstAfterStart = i;
            }
            if (!p.ok()) {
                firstFailure = i;
            }
        }
        if (firstAfterStart < 0) {
            return new Outcome(fault, Kind.UNOBSERVED, 0);
        }
        if (firstFailure < 0 || probes.get(firstFailure).tMs() >= end) {
            return new Outcome(fault, Kind.UNDISRUPTED, 0);
        }
        double span = RECOVERY_WINDOW_MS - intervalMs - ROUNDING_MS;
        int runStart = -1;
        for (int i = firstFailure + 1; i < probes.size(); i++) {
            Event.Probe p = probes.get(i);
            if (!p.ok()) {
                runStart = -1;
                continue;
            }
            if (runStart < 0) {
                runStart = i;
            }
            long first = probes.get(runStart).tMs();
            if (p.tMs() - first >= span) {
                return new Outcome(fault, Kind.RECOVERED, first - start);
            }
        }
        return new Outcome(fault, Kind.NEVER_RECOVERED, 0);
    }
}
