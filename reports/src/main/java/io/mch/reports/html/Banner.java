package io.mch.reports.html;

import io.mch.reports.model.Redaction;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.FailoverTimes;
import io.mch.reports.judge.FaultWindows;
import io.mch.reports.judge.SloText;
import io.mch.reports.judge.Target;
import io.mch.reports.judge.Times;
import io.mch.reports.judge.WarmUp;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.RunRecord.FaultWindow;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The first thing a failed run's report says: which SLOs failed (or could not be judged) and which
 * fault caused it, found in the history by the moment of the breach, so a person does not have to
 * read the charts to learn what went wrong.
 */
public final class Banner {

    /** One SLO that did not pass, in display form, with its cause. */
    public record Breach(String slo, String value, String target, String verdict, String cause) {}

    private Banner() {}

    public static List<Breach> of(RunRecord run, History history) {
        if (run.slos() == null) {
            return List.of();
        }
        List<FaultWindow> faults = FaultWindows.of(history);
        return run.slos().stream()
                .filter(s -> s.verdict() != Verdict.PASS)
                .sorted(Comparator.comparing((SloResult s) -> s.verdict() == Verdict.FAIL ? 0 : 1))
                .map(s -> new Breach(s.name(), SloText.value(s), SloText.target(s),
                        (s.verdict() == null ? Verdict.UNKNOWN : s.verdict()).name(),
                        Redaction.clean(s.verdict() == Verdict.FAIL ? cause(s, history, faults) : detail(s))))
                .toList();
    }

    private static String cause(SloResult slo, History history, List<FaultWindow> faults) {
        Optional<Target> target = Target.parse(slo.target());
        return switch (slo.name()) {
            case "failover-time" -> failover(history, target);
            case "availability" -> history.serviceProbes().stream().filter(p -> !p.ok()).findFirst()
                    .map(p -> ("global".equals(p.target()) ? "global probes" : p.source() + "'s mesh calls")
                            + " first failed at " + Times.seconds(p.tMs())
                            + (p.error() == null ? "" : " (" + p.error() + ")") + ", " + faultAt(answered(p), faults))
                    .orElse(detail(slo));
            case "cross-cluster-latency" -> WarmUp.crossClusterAfter(history).stream()
                    .filter(p -> judged(slo, p))
                    .filter(p -> target.map(t -> !t.allows(p.latencyMs())).orElse(false))
                    .findFirst()
                    .map(p -> p.source() + " → " + p.target() + " first took " + SloText.number(p.latencyMs())
                            + " ms at " + Times.seconds(p.tMs()) + ", " + faultAt(answered(p), faults))
                    .orElse(detail(slo));
            case "config-consistency" -> history.of(Event.ConsistencySample.class)
                    .filter(c -> c.settled() && !c.matches()).findFirst()
                    .map(c -> c.cluster() + " " + c.object() + " still differed at " + Times.seconds(c.tMs())
                            + ", " + faultAt(c.tMs(), faults))
                    .orElse(detail(slo));
            default -> detail(slo);
        };
    }

    /** Whether the latency SLO judged this probe's pair (results without a breakdown judged every pair). */
    private static boolean judged(SloResult slo, Event.Probe p) {
        return slo.latency() == null || slo.latency().pairs().stream().anyMatch(pair -> pair.judged()
                && pair.source().equals(p.source()) && pair.target().equals(p.target()));
    }

    /** The fault that never recovered, else the one whose failover broke the bound (else the longest). */
    private static String failover(History history, Optional<Target> target) {
        double interval = history.start().map(Event.RunStarted::probeIntervalMs).orElse(0.0);
        List<FailoverTimes.Outcome> outcomes = FailoverTimes.measure(history, interval).outcomes();
        Optional<FailoverTimes.Outcome> never = outcomes.stream()
                .filter(o -> o.kind() == FailoverTimes.Kind.NEVER_RECOVERED).findFirst();
        if (never.isPresent()) {
            return "global traffic never recovered after " + describe(never.get().fault());
        }
        return outcomes.stream()
                .filter(o -> o.kind() == FailoverTimes.Kind.RECOVERED)
                .filter(o -> target.map(t -> !t.allows(o.failoverMs())).orElse(true))
                .max(Comparator.comparingLong(FailoverTimes.Outcome::failoverMs))
                .map(o -> "failover took " + Times.seconds(o.failoverMs()) + " after " + describe(o.fault()))
                .orElse("no fault disrupted global traffic");
    }

    /**
     * When a probe's outcome was decided: it was in flight from its due time for its latency, so a
     * fault that started while it waited is what failed it.
     */
    private static long answered(Event.Probe p) {
        return p.tMs() + Math.round(p.latencyMs());
    }

    /** The fault active at {@code tMs} (the latest started), else the last one healed before it. */
    static String faultAt(long tMs, List<FaultWindow> faults) {
        Optional<FaultWindow> active = faults.stream()
                .filter(f -> f.startMs() <= tMs && (f.endMs() == null || tMs < f.endMs()))
                .max(Comparator.comparingLong(FaultWindow::startMs));
        if (active.isPresent()) {
            return "during " + describe(active.get());
        }
        return faults.stream()
                .filter(f -> f.endMs() != null && f.endMs() <= tMs)
                .max(Comparator.comparingLong(FaultWindow::endMs))
                .map(f -> Times.seconds(tMs - f.endMs()) + " after " + describe(f) + " was healed")
                .orElse("while no fault was active");
    }

    private static String describe(FaultWindow f) {
        return "fault #" + f.index() + " " + f.type() + (f.description() == null ? "" : " (" + f.description() + ")")
                + " from " + Times.seconds(f.startMs())
                + (f.endMs() == null ? ", never healed" : " to " + Times.seconds(f.endMs()));
    }

    private static String detail(SloResult slo) {
        return slo.detail() == null ? "" : slo.detail();
    }
}
