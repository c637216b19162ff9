package io.mch.harness.check;

import io.mch.reports.history.Event;
import io.mch.reports.history.FailoverTimes;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import io.mch.reports.slo.SloText;
import io.mch.reports.slo.Target;
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

    private final Target target;

    public FailoverTimeChecker(Duration max) {
        this.target = Target.maxDuration(max);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return target.text();
    }

    @Override
    public SloResult check(History history) {
        if (history.of(Event.FaultStarted.class).findAny().isEmpty()) {
            return result(null, Verdict.UNKNOWN, "no fault to fail over from");
        }
        var start = history.start();
        if (start.isEmpty()) {
            return result(null, Verdict.UNKNOWN, "no run-started event, so the probe interval is unknown");
        }
        if (history.globalProbes().isEmpty()) {
            return result(null, Verdict.UNKNOWN, "no global probes were recorded");
        }
        double interval = start.get().probeIntervalMs();
        FailoverTimes times = FailoverTimes.measure(history, interval);
        String resolution = "resolution " + SloText.number(interval) + " ms (probe interval)";
        String perFault = times.outcomes().stream().map(FailoverTimeChecker::describe).collect(Collectors.joining("; "));
        String detail = perFault + "; " + resolution;

        List<FailoverTimes.Outcome> never = times.of(FailoverTimes.Kind.NEVER_RECOVERED);
        if (!never.isEmpty()) {
            return result(null, Verdict.FAIL, "traffic never recovered after fault #" + never.get(0).fault().index()
                    + "; " + detail);
        }
        OptionalLong longest = times.longest();
        if (longest.isPresent()) {
            double value = longest.getAsLong();
            return result(value, target.allows(value) ? Verdict.PASS : Verdict.FAIL, detail);
        }
        if (!times.of(FailoverTimes.Kind.UNOBSERVED).isEmpty()) {
            return result(null, Verdict.UNKNOWN, detail);
        }
        return result(0.0, Verdict.PASS, "no fault interrupted traffic; " + detail);
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

    private SloResult result(Double value, Verdict verdict, String detail) {
        return new SloResult(NAME, null, value, "ms", target.text(), verdict, detail);
    }
}
