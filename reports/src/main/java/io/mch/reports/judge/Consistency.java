package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.ArrayList;
import java.util.List;

/**
 * Config consistency over the run: the config-consistency SLO judges only settled samples, but
 * how the share of matching (cluster, object) pairs fell during faults and how long it took to
 * come back after the last heal is what tells a person whether sync is slow or stuck.
 *
 * @param convergedAtMs when, after the last heal, every pair first matched; null if never (or no heal)
 */
public record Consistency(List<Round> rounds, String convergence, Long lastHealMs, Long convergedAtMs) {

    /**
     * One sampling round: the samples whose times round to the same second, at {@code tMs} (that
     * second); the last sample of a pair within a round counts.
     */
    public record Round(long tMs, int matching, int pairs) {

        public double percent() {
            return 100.0 * matching / pairs;
        }
    }

    public static Consistency of(History history) {
        List<Round> rounds = new ArrayList<>();
        Convergence.rounds(history).forEach((second, pairs) -> rounds.add(new Round(second * 1000,
                (int) pairs.values().stream().filter(Event.ConsistencySample::matches).count(), pairs.size())));
        Convergence convergence = Convergence.of(history);
        if (convergence.lastHealMs() == null) {
            return new Consistency(rounds, "no fault was healed", null, null);
        }
        if (!convergence.converged()) {
            return new Consistency(rounds, "did not converge after the last heal", convergence.lastHealMs(), null);
        }
        return new Consistency(rounds, "converged " + Times.seconds(convergence.afterHealMs()) + " after the last heal",
                convergence.lastHealMs(), convergence.convergedAtMs());
    }
}
