package io.mch.harness.check;

import io.mch.harness.config.SloTargets;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.slo.ProbeLag;
import java.util.ArrayList;
import java.util.List;

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
        targets.crossClusterLatency().ifPresent(t -> checkers.add(new CrossClusterLatencyChecker(t.percentile(), t.max())));
        targets.configConsistencyMinPercent().ifPresent(min -> checkers.add(new ConfigConsistencyChecker(min)));
        targets.availability().ifPresent(a -> checkers.add(new AvailabilityChecker(a.minPercent(), a.incidentsPerYear())));
        targets.measuredMax().forEach((name, max) -> checkers.add(new MeasuredChecker(name, max)));
        return List.copyOf(checkers);
    }

    /**
     * Every checker's result in order; a checker that throws or returns nothing yields UNKNOWN, and
     * a timing verdict of a run that did not keep its probe rate is UNKNOWN rather than FAIL ({@link ProbeLag}).
     */
    public static List<SloResult> runAll(List<Checker> checkers, History history) {
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
            results.add(result);
        }
        return ProbeLag.apply(List.copyOf(results), history);
    }

    private static SloResult unknown(Checker checker, String detail) {
        return checker.slo().unknown(detail);
    }
}
