package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * failover-time: the longest time any fault kept global traffic from being served (see
 * {@link FailoverTimes} for exactly when traffic counts as served again). A fault after which
 * traffic never recovered has no finite failover time and fails the SLO; faults that never
 * interrupted traffic pass with 0. Measured from probes, so its resolution is the probe interval,
 * which the detail states.
 */
public final class FailoverTimeChecker implements Checker {

    public static final String NAME = "failover-time";

    private final Slo slo;

    public FailoverTimeChecker(Duration max) {
        this.slo = new Slo(NAME, null, "ms", Target.maxDuration(max));
    }

    @Override
    public Slo slo() {
        return slo;
    }

    @Override
    public SloResult check(History history) {
        if (history.of(Event.FaultStarted.class).findAny().isEmpty()) {
            return slo.unknown("no fault to fail over from");
        }
        var start = history.start();
        if (start.isEmpty()) {
            return slo.unknown("no run-started event, so the probe interval is unknown");
        }
        if (history.globalProbes().isEmpty()) {
            return slo.unknown("no global probes were recorded");
        }
        double interval = start.get().probeIntervalMs();
        FailoverTimes times = FailoverTimes.measure(history, interval);
        String resolution = "resolution " + SloText.number(interval) + " ms (probe interval)";
        String perFault = times.outcomes().stream().map(FailoverTimeChecker::describe).collect(Collectors.joining("; "));
        String detail = perFault + "; " + resolution;

        List<FailoverTimes.Outcome> never = times.of(FailoverTimes.Kind.NEVER_RECOVERED);
        if (!never.isEmpty()) {
            return slo.result(null, Verdict.FAIL, "traffic never recovered after fault #" + never.get(0).fault().index()
                    + "; " + detail);
        }
        OptionalLong longest = times.longest();
        if (longest.isPresent()) {
            double value = longest.getAsLong();
            return slo.judged(value, detail);
        }
        if (!times.of(FailoverTimes.Kind.UNOBSERVED).isEmpty()) {
            return slo.unknown(detail);
        }
        return slo.result(0.0, Verdict.PASS, "no fault interrupted traffic; " + detail);
    }

    private static String describe(FailoverTimes.Outcome o) {
        String fault = "fault #" + o.fault().index() + " (" + o.fault().type() + ") ";
        return fault + switch (o.kind()) {
            case RECOVERED -> "served again after " + o.failoverMs() + " ms";
            case UNDISRUPTED -> "did not interrupt traffic";
            case UNOBSERVED -> "no global probe after it started";
            case NEVER_RECOVERED -> "traffic never recovered";
        };
    }

}
