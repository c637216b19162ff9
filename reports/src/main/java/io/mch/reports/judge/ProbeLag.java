package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord.ProbeSchedule;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether mch kept its own probe rate, and the one rule that follows when it did not: an SLO judged
 * from the probes (failover time, cross-cluster latency, availability) that FAILs is UNKNOWN
 * instead, since the failure may be mch's own lag rather than the system's: a machine too busy to
 * send its probes on time also stalls the probes it did send (and, on the embedded backend, the
 * clusters answering them), so their timeouts are not the system's. A PASS stays: the probes that
 * were sent on time are honest measurements.
 */
public final class ProbeLag {

    /**
     * A run kept its probe rate when mch missed at most this share of the probes due. Stalls of a
     * shared machine miss 1 to 2 %; a backlog that grows misses far more (docs/performance.md).
     */
    public static final double MAX_MISSED_PERCENT = 5.0;
    private static final Set<String> JUDGED_FROM_PROBES = Set.of("failover-time", "cross-cluster-latency", "availability");

    private ProbeLag() {}

    /**
     * The schedule's account: from the traffic's own accounts when the run recorded them, else
     * (a killed run) counted from the probes and missed probes in the history; empty without probes.
     */
    public static Optional<ProbeSchedule> of(History history) {
        List<Event.ProbeAccount> accounts = history.of(Event.ProbeAccount.class).toList();
        long sent = history.of(Event.Probe.class).count();
        List<Event.ProbeMissed> missed = history.of(Event.ProbeMissed.class).toList();
        double worst = missed.stream().mapToDouble(Event.ProbeMissed::lagMs).max().orElse(0);
        if (!accounts.isEmpty()) {
            long scheduled = accounts.stream().mapToLong(Event.ProbeAccount::scheduled).sum();
            long lost = accounts.stream().mapToLong(Event.ProbeAccount::missed).sum();
            return Optional.of(schedule(scheduled, accounts.stream().mapToLong(Event.ProbeAccount::sent).sum(), lost,
                    accounts.stream().mapToLong(Event.ProbeAccount::cut).sum(),
                    accounts.stream().mapToDouble(Event.ProbeAccount::toleranceMs).max().orElse(0),
                    Math.max(worst, accounts.stream().mapToDouble(Event.ProbeAccount::worstLagMs).max().orElse(0))));
        }
        if (sent == 0 && missed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(schedule(sent + missed.size(), sent, missed.size(), 0, 0, worst));
    }

    private static ProbeSchedule schedule(long scheduled, long sent, long missed, long cut, double tolerance, double worst) {
        return new ProbeSchedule(scheduled, sent, missed, cut, tolerance, worst, missed * 100.0 <= MAX_MISSED_PERCENT * scheduled);
    }

    /** The SLO results with the rule applied (unchanged when the rate was kept). */
    public static List<SloResult> apply(List<SloResult> slos, History history) {
        Optional<ProbeSchedule> schedule = of(history).filter(s -> !s.rateKept());
        if (schedule.isEmpty()) {
            return slos;
        }
        return slos.stream().map(s -> s.verdict() == Verdict.FAIL && JUDGED_FROM_PROBES.contains(s.name())
                ? s.with(Verdict.UNKNOWN, describe(schedule.get()) + "; this FAIL may be mch's own lag, not the system's"
                                + (s.detail() == null ? "" : " (measured: " + s.detail() + ")"))
                : s).toList();
    }

    /** E.g. {@code mch could not keep its probe rate: 412 of 36000 probes (1.1 %) missed by mch, worst lag 2.3 s}. */
    public static String describe(ProbeSchedule s) {
        return "mch could not keep its probe rate: " + s.missedByMch() + " of " + s.scheduled() + " probes ("
                + SloText.number(s.scheduled() == 0 ? 0 : Math.round(10_000.0 * s.missedByMch() / s.scheduled()) / 100.0) + " %) missed by mch"
                + (s.toleranceMs() > 0 ? " (not sent within " + SloText.number(s.toleranceMs()) + " ms of their time)" : "")
                + ", worst lag " + SloText.number(s.worstLagMs()) + " ms";
    }
}
