package io.mch.faults.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault placed on the scenario's clock; {@code duration} empty means "until the scenario ends".
 * {@code index} is its position in the scenario file, so messages and reports can point at it.
 */
public record ScheduledFault(int index, Duration at, Optional<Duration> duration, FaultSpec spec) {
    public ScheduledFault {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(spec, "spec");
    }

    /** When the fault heals on a scenario of the given length. */
    public Duration end(Duration scenarioLength) {
        return duration.map(at::plus).filter(e -> e.compareTo(scenarioLength) < 0).orElse(scenarioLength);
    }
}
