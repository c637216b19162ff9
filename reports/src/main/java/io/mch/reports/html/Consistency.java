package io.mch.reports.html;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Config consistency over the run: the config-consistency SLO judges only settled samples, but
 * how the share of matching (cluster, object) pairs fell during faults and how long it took to
 * come back after the last heal is what tells a person whether sync is slow or stuck.
 */
public record Consistency(List<Sample> samples, String convergence) {

    /**
     * One sampling round (samples grouped by their time rounded to the second), on the run's axis
     * like {@link Timeline}; {@code label} is the share where it changed (empty elsewhere, so labels do
     * not pile up), {@code style} an inline fill from red (no pair matches) to green (all).
     */
    public record Sample(String x, String width, String label, String title, String style) {}

    static Consistency of(History history, long endMs) {
        Map<Long, Map<String, Event.ConsistencySample>> rounds = new TreeMap<>();
        history.of(Event.ConsistencySample.class).forEach(s -> rounds
                .computeIfAbsent(Math.round(s.tMs() / 1000.0), k -> new LinkedHashMap<>())
                .put(s.cluster() + "/" + s.object(), s));
        List<Long> seconds = new ArrayList<>(rounds.keySet());
        List<Sample> samples = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < seconds.size(); i++) {
            long from = seconds.get(i) * 1000;
            long to = i + 1 < seconds.size() ? seconds.get(i + 1) * 1000 : Math.max(endMs, from + 1000);
            Map<String, Event.ConsistencySample> pairs = rounds.get(seconds.get(i));
            long matching = pairs.values().stream().filter(Event.ConsistencySample::matches).count();
            double share = (double) matching / pairs.size();
            String percent = String.format(Locale.ROOT, "%.0f%%", 100 * share);
            samples.add(new Sample(Timeline.percent(from, endMs), Timeline.percent(to - from, endMs),
                    percent.equals(previous) ? "" : percent,
                    Times.seconds(from) + ": " + matching + "/" + pairs.size() + " pairs match (" + percent + ")",
                    String.format(Locale.ROOT, "fill:hsl(%d,70%%,45%%)", Math.round(120 * share))));
            previous = percent;
        }
        return new Consistency(samples, convergence(history, rounds));
    }

    /** When, after the last heal, a round first had every pair matching (the round's last sample time). */
    private static String convergence(History history, Map<Long, Map<String, Event.ConsistencySample>> rounds) {
        var lastHeal = history.of(Event.FaultHealed.class).mapToLong(Event::tMs).max();
        if (lastHeal.isEmpty()) {
            return "no fault was healed";
        }
        for (Map<String, Event.ConsistencySample> round : rounds.values()) {
            long at = round.values().stream().mapToLong(Event::tMs).max().orElseThrow();
            if (at >= lastHeal.getAsLong() && round.values().stream().allMatch(Event.ConsistencySample::matches)) {
                return "converged " + Times.seconds(at - lastHeal.getAsLong()) + " after the last heal";
            }
        }
        return "did not converge after the last heal";
    }
}
