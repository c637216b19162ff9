package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.Measurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every figure a run measured: what the fabric recorded as it observed it ({@link Event.Measured}:
 * sync, federate, connect, replicate, replication lag), and what follows from the history alone —
 * RPO and RTO of each restore, the length of each planned failover drill as the probes saw it, and
 * the time config took to converge after the last heal.
 *
 * <p>RPO is the time from the backup's content to the event that made the restore necessary (the
 * last fault that started before the restore was triggered, or the step that asked for it): the
 * data written in between is lost. RTO is the time from that event until the restored cluster had
 * the data back and served traffic (the later of the restore and its first successful probe after it).
 */
public final class Measurements {

    public static final String RPO = "rpo";
    public static final String RTO = "rto";
    public static final String FAILOVER_DRILL = "failover-drill";
    public static final String CONVERGENCE = "convergence";

    private Measurements() {}

    public static List<Measurement> of(History history) {
        List<Measurement> all = new ArrayList<>();
        history.of(Event.Measured.class).forEach(m ->
                all.add(new Measurement(m.name(), m.subject(), m.valueMs(), m.resolutionMs(), m.tMs(), m.detail())));
        history.of(Event.Restored.class).filter(r -> r.backup() != null).forEach(r -> recovery(history, r, all));
        history.of(Event.StepStarted.class).filter(s -> "failover".equals(s.step()))
                .forEach(s -> drill(history, s).ifPresent(all::add));
        Convergence convergence = Convergence.of(history);
        if (convergence.converged()) {
            all.add(new Measurement(CONVERGENCE, "config", convergence.afterHealMs(), convergence.resolutionMs(),
                    convergence.convergedAtMs(), "from the last heal until every (cluster, object) pair matched"));
        }
        all.sort(Comparator.comparingLong(Measurement::atMs));
        return List.copyOf(all);
    }

    private static void recovery(History history, Event.Restored r, List<Measurement> all) {
        Optional<Event.FaultStarted> fault = history.of(Event.FaultStarted.class)
                .filter(f -> f.tMs() <= r.triggerMs())
                .reduce((a, b) -> b);
        long incidentMs = "failover".equals(r.trigger()) && fault.isPresent() ? fault.get().tMs() : r.triggerMs();
        String cause = "failover".equals(r.trigger()) && fault.isPresent()
                ? "fault " + fault.get().fault() + " at " + seconds(incidentMs)
                : r.trigger() + " at " + seconds(incidentMs);
        String subject = r.cluster() + "/" + r.namespace();
        all.add(new Measurement(RPO, subject, Math.max(0, incidentMs - r.backupStartedMs()), 0, r.tMs(),
                "backup " + r.backup() + " holds the data of " + seconds(r.backupStartedMs()) + "; " + cause));
        Optional<Event.Probe> serving = history.serviceProbes().stream()
                .filter(p -> p.ok() && r.cluster().equals(p.servedBy()) && p.tMs() >= r.tMs())
                .findFirst();
        long recoveredMs = serving.map(Event.Probe::tMs).orElse(r.tMs());
        double resolution = history.start().map(Event.RunStarted::probeIntervalMs).orElse(0.0);
        all.add(new Measurement(RTO, subject, recoveredMs - incidentMs, serving.isPresent() ? resolution : 0,
                recoveredMs, cause + "; restored at " + seconds(r.tMs()) + (serving.isPresent()
                        ? ", serving at " + seconds(recoveredMs)
                        : ", no probe served by " + r.cluster() + " after the restore")));
    }

    /**
     * A planned failover drill lasts from the step until the promoted cluster serves the clients:
     * the first of at least 1 s of consecutive successful global probes served by it (the
     * failover-time rule, see {@link FailoverTimes}).
     */
    private static Optional<Measurement> drill(History history, Event.StepStarted step) {
        Optional<String> promoted = history.of(Event.Serving.class)
                .filter(s -> s.tMs() >= step.tMs() && s.cluster() != null)
                .map(Event.Serving::cluster)
                .findFirst();
        if (promoted.isEmpty()) {
            return Optional.empty();
        }
        double interval = history.start().map(Event.RunStarted::probeIntervalMs).orElse(0.0);
        List<Event.Probe> after = history.globalProbes().stream().filter(p -> p.tMs() >= step.tMs()).toList();
        for (int i = 0; i < after.size(); i++) {
            long runEnd = streakEnd(after, i, promoted.get());
            if (runEnd >= 0 && runEnd - after.get(i).tMs() >= FailoverTimes.RECOVERY_WINDOW_MS - interval - FailoverTimes.ROUNDING_MS) {
                long at = after.get(i).tMs();
                return Optional.of(new Measurement(FAILOVER_DRILL, promoted.get(), at - step.tMs(), interval, at,
                        "from the step until clients were served by " + promoted.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The time of the last probe of the streak of ok probes served by {@code cluster} starting at
     * {@code from}; -1 when the probe at {@code from} does not start one.
     */
    private static long streakEnd(List<Event.Probe> probes, int from, String cluster) {
        long end = -1;
        for (int i = from; i < probes.size(); i++) {
            Event.Probe p = probes.get(i);
            if (!p.ok() || !cluster.equals(p.servedBy())) {
                break;
            }
            end = p.tMs();
        }
        return end;
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
