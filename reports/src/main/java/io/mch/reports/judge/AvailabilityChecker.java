package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import java.util.List;

/**
 * availability: the share of service probes (clients through the global load balancer, and
 * in-cluster clients calling a mesh-global service) that succeeded over the whole run, judged
 * against its minimum. The detail adds the yearly downtime
 * projection ({@link DowntimeProjection}) from the run's measured failover time, because that is
 * the figure an availability target is usually negotiated in.
 */
public final class AvailabilityChecker implements Checker {

    public static final String NAME = "availability";

    private final Slo slo;
    private final double incidentsPerYear;

    public AvailabilityChecker(double minPercent, double incidentsPerYear) {
        this.slo = new Slo(NAME, null, "%", Target.minPercent(minPercent));
        this.incidentsPerYear = incidentsPerYear;
    }

    @Override
    public Slo slo() {
        return slo;
    }

    @Override
    public SloResult check(History history) {
        List<Event.Probe> probes = history.serviceProbes();
        if (probes.isEmpty()) {
            return slo.unknown("no global or mesh probes were recorded");
        }
        long ok = probes.stream().filter(Event.Probe::ok).count();
        double value = Percent.floor(ok, probes.size());
        String detail = ok + " of " + probes.size() + " service probes ok (" + (probes.size() - ok) + " failed); "
                + projection(history);
        return slo.judged(value, detail);
    }

    private String projection(History history) {
        String allowed = "; " + slo.target().text() + " allows "
                + DowntimeProjection.human(DowntimeProjection.allowedPerYear(slo.target().limit())) + " of downtime a year";
        if (history.start().isEmpty()) {
            return "no run-started event, so no failover time to project" + allowed;
        }
        FailoverTimes times = FailoverTimes.measure(history, history.start().get().probeIntervalMs());
        if (!times.of(FailoverTimes.Kind.NEVER_RECOVERED).isEmpty()) {
            return "traffic never recovered after a fault, so no yearly projection" + allowed;
        }
        if (times.longest().isEmpty()) {
            return "no failover measured, so no yearly projection" + allowed;
        }
        return new DowntimeProjection(incidentsPerYear, times.longest().getAsLong(), slo.target().limit()).describe();
    }
}
