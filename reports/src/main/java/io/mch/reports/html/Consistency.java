package io.mch.reports.html;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

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
        Map<Long, Map<String, Event.ConsistencySample>> byRound = new TreeMap<>();
        history.of(Event.ConsistencySample.class).forEach(s -> byRound
                .computeIfAbsent(Math.round(s.tMs() / 1000.0), k -> new LinkedHashMap<>())
                .put(s.cluster() + "/" + s.object(), s));
        List<Round> rounds = new ArrayList<>();
        byRound.forEach((second, pairs) -> rounds.add(new Round(second * 1000,
                (int) pairs.values().stream().filter(Event.ConsistencySample::matches).count(), pairs.size())));
        OptionalLong lastHeal = history.of(Event.FaultHealed.class).mapToLong(Event::tMs).max();
        if (lastHeal.isEmpty()) {
            return new Consistency(rounds, "no fault was healed", null, null);
        }
        long heal = lastHeal.getAsLong();
        for (Map<String, Event.ConsistencySample> round : byRound.values()) {
            long at = round.values().stream().mapToLong(Event::tMs).max().orElseThrow();
            if (at >= heal && round.values().stream().allMatch(Event.ConsistencySample::matches)) {
                return new Consistency(rounds, "converged " + Times.seconds(at - heal) + " after the last heal",
                        heal, at);
            }
        }
        return new Consistency(rounds, "did not converge after the last heal", heal, null);
    }
}
