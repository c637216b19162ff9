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

    /** Probes from one cluster to a service in another. */
    public List<Event.Probe> crossClusterProbes() {
        return of(Event.Probe.class).filter(p -> !"global".equals(p.target())).toList();
    }
}
