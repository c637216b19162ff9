package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a scenario's SLO targets into checkers and runs them so that one broken checker costs
 * only its own verdict (UNKNOWN, with the error), never the run's report.
 */
public final class Checkers {

    private Checkers() {}

    /** One checker per stated target, in the order {@code run.json} lists SLOs; none for an absent target. */
    public static List<Checker> forTargets(SloTargets targets) {
        List<Checker> checkers = new ArrayList<>();
        targets.failoverTimeMax().ifPresent(max -> checkers.add(new FailoverTimeChecker(max)));
        targets.crossClusterLatency().ifPresent(t -> checkers.add(new CrossClusterLatencyChecker(t)));
        targets.configConsistencyMinPercent().ifPresent(min -> checkers.add(new ConfigConsistencyChecker(min)));
        targets.availability().ifPresent(a -> checkers.add(new AvailabilityChecker(a.minPercent(), a.incidentsPerYear())));
        targets.measuredMax().forEach((name, max) -> checkers.add(new MeasuredChecker(name, max)));
        return List.copyOf(checkers);
    }

    /**
     * Every checker's result in order; a checker that throws or returns nothing yields UNKNOWN. A
     * timing verdict of a run that did not keep its probe rate is UNKNOWN rather than FAIL
     * ({@link ProbeLag}). A run whose schedule did not execute (see {@link #notExecuted}) cannot
     * PASS: what would have passed is UNKNOWN with the reason, since the history does not hold the
     * run the scenario asked for.
     */
    public static List<SloResult> runAll(List<Checker> checkers, History history) {
        Optional<String> notExecuted = notExecuted(history);
        List<SloResult> results = new ArrayList<>();
        for (Checker checker : checkers) {
            SloResult result;
            try {
                result = checker.check(history);
                if (result == null) {
                    result = unknown(checker, "checker returned no result");
                }
            } catch (Exception e) {
                result = unknown(checker, "checker failed: " + e);
            }
            if (notExecuted.isPresent() && result.verdict() == Verdict.PASS) {
                result = result.with(Verdict.UNKNOWN, "not judged: " + notExecuted.get());
            }
            results.add(result);
        }
        return ProbeLag.apply(List.copyOf(results), history);
    }

    /**
     * Why the history shows a run that did not execute as scheduled, if it does: a step that
     * failed, or a run that ended in a harness failure (a fault that could not be injected, an
     * entry of the schedule that never ran).
     */
    static Optional<String> notExecuted(History history) {
        Optional<String> failedStep = history.of(Event.StepEnded.class)
                .filter(e -> !e.done())
                .findFirst()
                .map(e -> "steps[" + e.index() + "] (" + e.step() + "): " + e.detail());
        if (failedStep.isPresent()) {
            return failedStep;
        }
        return history.of(Event.RunEnded.class)
                .filter(e -> e.reason() != null && e.reason().startsWith("failed"))
                .findFirst()
                .map(e -> "the run " + e.reason());
    }

    private static SloResult unknown(Checker checker, String detail) {
        return checker.slo().unknown(detail);
    }
}
