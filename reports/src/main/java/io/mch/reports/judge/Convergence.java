package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * How long config took to become fully consistent again after the last heal: the first sampling
 * round after it in which every (cluster, object) pair matched. Known to within one sampling
 * interval ({@code resolutionMs}, the gap to the round before it).
 *
 * @param convergedAtMs null when it did not converge (or no fault healed)
 */
public record Convergence(Long lastHealMs, Long convergedAtMs, long resolutionMs) {

    /** Samples taken within the same second belong to one sampling round. */
    static final long ROUND_MS = 1000;

    public static Convergence of(History history) {
        Map<Long, Map<String, Event.ConsistencySample>> byRound = rounds(history);
        OptionalLong lastHeal = history.of(Event.FaultHealed.class).mapToLong(Event::tMs).max();
        if (lastHeal.isEmpty()) {
            return new Convergence(null, null, 0);
        }
        long heal = lastHeal.getAsLong();
        long previous = heal;
        for (Map<String, Event.ConsistencySample> round : byRound.values()) {
            long at = round.values().stream().mapToLong(Event::tMs).max().orElseThrow();
            if (at >= heal && round.values().stream().allMatch(Event.ConsistencySample::matches)) {
                return new Convergence(heal, at, at - previous);
            }
            previous = Math.max(previous, at);
        }
        return new Convergence(heal, null, 0);
    }

    /** The samples by sampling round (its second), the last sample of each pair within a round. */
    public static Map<Long, Map<String, Event.ConsistencySample>> rounds(History history) {
        Map<Long, Map<String, Event.ConsistencySample>> byRound = new TreeMap<>();
        history.of(Event.ConsistencySample.class).forEach(s -> byRound
                .computeIfAbsent(Math.round(s.tMs() / (double) ROUND_MS), k -> new LinkedHashMap<>())
                .put(s.cluster() + "/" + s.object(), s));
        return byRound;
    }

    /** Whether a fault was healed and every pair matched again after it. */
    public boolean converged() {
        return convergedAtMs != null;
    }

    /** Milliseconds from the last heal to convergence (only when {@link #converged()}). */
    public long afterHealMs() {
        return convergedAtMs - lastHealMs;
    }
}
