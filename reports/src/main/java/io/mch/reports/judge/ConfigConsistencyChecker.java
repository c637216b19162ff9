package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * config-consistency: after the last fault healed and the fabric settled, the share of
 * (object, cluster) pairs whose live spec equals the desired spec. Only samples marked settled
 * count, and of those only each pair's last, so a pair that converged late is judged by where it
 * ended up.
 */
public final class ConfigConsistencyChecker implements Checker {

    public static final String NAME = "config-consistency";

    private static final int LISTED = 5;

    private final Slo slo;

    public ConfigConsistencyChecker(double minPercent) {
        this.slo = new Slo(NAME, null, "%", Target.minPercent(minPercent));
    }

    @Override
    public Slo slo() {
        return slo;
    }

    @Override
    public SloResult check(History history) {
        Map<String, Event.ConsistencySample> last = new TreeMap<>();
        history.of(Event.ConsistencySample.class)
                .filter(Event.ConsistencySample::settled)
                .forEach(s -> last.put(s.object() + "@" + s.cluster(), s));
        if (last.isEmpty()) {
            return slo.unknown(
                    "no settled consistency sample (the fabric was never sampled after settling)");
        }
        List<String> differ = last.entrySet().stream().filter(e -> !e.getValue().matches()).map(Map.Entry::getKey).toList();
        long matching = last.size() - differ.size();
        double value = Percent.floor(matching, last.size());
        String detail = matching + " of " + last.size() + " (object, cluster) pairs match the desired spec"
                + (differ.isEmpty() ? "" : "; differ: " + String.join(", ", differ.subList(0, Math.min(LISTED, differ.size())))
                        + (differ.size() > LISTED ? " and " + (differ.size() - LISTED) + " more" : ""));
        return slo.judged(value, detail);
    }
}
