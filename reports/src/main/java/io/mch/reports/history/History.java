package io.mch.reports.history;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** An immutable, time-ordered run history with the views checkers and renderers need. */
public record History(List<Event> events) {

    public History {
        events = List.copyOf(events);
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
