package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.ArrayList;
import java.util.List;

/** Builds histories by hand for checker tests: a run frame, global probes on a schedule, faults. */
final class Histories {

    private final List<Event> events = new ArrayList<>();
    private final double intervalMs;

    private Histories(double intervalMs) {
        this.intervalMs = intervalMs;
        events.add(new Event.RunStarted(0, "test", "active-passive", "embedded", 1, 60_000, intervalMs, 500, List.of()));
    }

    /** A run whose global probes are sent every {@code intervalMs}. */
    static Histories run(double intervalMs) {
        return new Histories(intervalMs);
    }

    /** Global probes at every interval in {@code [fromMs, toMs)}, all ok or all failed. */
    Histories global(long fromMs, long toMs, boolean ok) {
        for (long t = fromMs; t < toMs; t += (long) intervalMs) {
            events.add(new Event.Probe(t, "clients", "global", ok ? "us-east" : null, ok, ok ? 20 : 1000,
                    ok ? null : "timeout"));
        }
        return this;
    }

    Histories fault(int index, long startMs, Long healedMs) {
        events.add(new Event.FaultStarted(startMs, index, "partition", "cut off"));
        if (healedMs != null) {
            events.add(new Event.FaultHealed(healedMs, index, "partition"));
        }
        return this;
    }

    Histories add(Event event) {
        events.add(event);
        return this;
    }

    History build() {
        return new History(events);
    }
}
