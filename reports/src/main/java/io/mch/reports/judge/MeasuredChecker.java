package io.mch.reports.judge;

import io.mch.reports.history.History;
import io.mch.reports.model.Measurement;
import io.mch.reports.model.SloResult;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A fabric figure with a ceiling: RPO, RTO, replication lag, convergence after the last heal, and
 * the time each of the fabric actions took (sync, federate, connect, replicate, failover drill).
 * The largest measurement of its kind is judged; none measured is UNKNOWN, because a run that
 * never exercised what the SLO is about has shown nothing.
 */
public final class MeasuredChecker implements Checker {

    private final Slo slo;
    private final String measurement;

    /** {@code name} is one of {@link SloTargets#FABRIC_FIGURES}; {@code x-time} judges measurement {@code x}. */
    public MeasuredChecker(String name, Duration max) {
        this.slo = new Slo(name, null, "ms", Target.maxDuration(max));
        this.measurement = name.endsWith("-time") ? name.substring(0, name.length() - "-time".length()) : name;
    }

    @Override
    public Slo slo() {
        return slo;
    }

    @Override
    public SloResult check(History history) {
        List<Measurement> all = Measurements.of(history).stream()
                .filter(m -> m.name().equals(measurement))
                .sorted(Comparator.comparingDouble(Measurement::valueMs).reversed())
                .toList();
        if (all.isEmpty()) {
            return slo.unknown("no " + measurement + " was measured in this run");
        }
        Measurement largest = all.get(0);
        String each = all.stream().limit(5)
                .map(m -> m.subject() + " " + ms(m.valueMs()))
                .collect(Collectors.joining(", "));
        return slo.judged(Math.round(largest.valueMs()), all.size() + " measured, largest first: " + each
                + (all.size() > 5 ? ", …" : "") + "; largest: " + largest.detail()
                + (largest.resolutionMs() > 0 ? "; resolution " + ms(largest.resolutionMs()) : ""));
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }
}
