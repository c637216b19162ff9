package io.mch.reports.html;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.DowntimeProjection;
import io.mch.reports.judge.FailoverTimes;
import io.mch.reports.judge.SloText;
import io.mch.reports.judge.Target;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The run's failover time read against availability targets: how much downtime a year the
 * scenario's availability target (and 99.99%, the usual yardstick) allows, and how many incidents
 * like the worst one of this run fit into it. A run lasts minutes; this is the figure a target is
 * negotiated in. {@code lines} holds one sentence per target, {@code note} why there is no
 * incident count (null when there is one).
 */
public record ErrorBudget(List<String> lines, String note) {

    static final double FOUR_NINES = 99.99;

    public static ErrorBudget of(RunRecord run, History history) {
        List<Double> targets = new ArrayList<>();
        (run.slos() == null ? List.<SloResult>of() : run.slos()).stream()
                .filter(s -> "availability".equals(s.name()))
                .flatMap(s -> Target.parse(s.target()).stream())
                .filter(t -> "%".equals(t.unit()))
                .forEach(t -> targets.add(t.limit()));
        if (!targets.contains(FOUR_NINES)) {
            targets.add(FOUR_NINES);
        }
        double interval = history.start().map(Event.RunStarted::probeIntervalMs).orElse(0.0);
        OptionalLong failover = FailoverTimes.measure(history, interval).longest();
        List<String> lines = targets.stream().map(t -> line(t, failover)).toList();
        return new ErrorBudget(lines, failover.isPresent() ? null
                : "No failover was measured in this run (no fault disrupted global traffic and then recovered),"
                        + " so there is no incident to count.");
    }

    /** {@code 99.99% allows 52 min 34 s a year: 101 incidents of 31.2 s}. */
    private static String line(double percent, OptionalLong failoverMs) {
        String allows = SloText.number(percent) + "% allows "
                + DowntimeProjection.human(DowntimeProjection.allowedPerYear(percent)) + " a year";
        if (failoverMs.isEmpty()) {
            return allows;
        }
        long ms = failoverMs.getAsLong();
        long incidents = DowntimeProjection.incidentsAllowed(percent, ms);
        return allows + ": " + incidents + (incidents == 1 ? " incident" : " incidents") + " of "
                + SloText.number(ms / 1000.0) + " s";
    }
}
