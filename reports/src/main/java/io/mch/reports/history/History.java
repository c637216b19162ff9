package io.mch.reports.history;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable, time-ordered run history with the views checkers and renderers need. Events are
 * appended when they are observed, which is not the order of their times (a probe is written when
 * its answer arrives but stamped with its intended send time), so the constructor sorts them by
 * time, stably, once for every reader.
 */
public record History(List<Event> events) {

    public History {
        events = events.stream().sorted(Comparator.comparingLong(Event::tMs)).toList();
    }

    public <T extends Event> Stream<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }

    public Optional<Event.RunStarted> start() {
        return of(Event.RunStarted.class).findFirst();
    }

    /** Probes sent by the global clients through the global load balancer. */
    public List<Event.Probe> globalProbes() {
        return of(Event.Probe.class).filter(p -> "global".equals(p.target())).toList();
    }

    /**
     * Probes of in-cluster clients calling a mesh-global service ({@code target} is
     * {@code mesh:SERVICE}; {@code servedBy} is the cluster the mesh routed the call to).
     */
    public List<Event.Probe> meshProbes() {
        return of(Event.Probe.class).filter(History::mesh).toList();
    }

    /** What users of the service saw: the global clients' probes and the mesh clients' probes. */
    public List<Event.Probe> serviceProbes() {
        return of(Event.Probe.class).filter(p -> "global".equals(p.target()) || mesh(p)).toList();
    }

    /**
     * Probes from one cluster to a service in another: the direct cross-cluster probes, and the
     * mesh calls the mesh routed to another cluster (with that cluster as their target). A failed
     * mesh call has no known target and counts in availability only.
     */
    public List<Event.Probe> crossClusterProbes() {
        return of(Event.Probe.class)
                .filter(p -> !"global".equals(p.target()))
                .filter(p -> !mesh(p) || (p.servedBy() != null && !p.servedBy().equals(p.source())))
                .map(p -> mesh(p) ? new Event.Probe(p.tMs(), p.source(), p.servedBy(), p.servedBy(), p.ok(),
                        p.latencyMs(), p.error()) : p)
                .toList();
    }

    private static boolean mesh(Event.Probe probe) {
        return probe.target() != null && probe.target().startsWith("mesh:");
    }
}
